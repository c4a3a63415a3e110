import { describe, expect, it } from 'vitest';
import { deskSocketUrl } from '../../../renderer/src/desk/socket-url.ts';

describe('deskSocketUrl', () => {
  it('uses the page host and its key, ws for http pages', () => {
    expect(deskSocketUrl({ protocol: 'http:', host: '127.0.0.1:5123', search: '?key=a%2Bb&server=http%3A%2F%2Fx' })).toBe(
      'ws://127.0.0.1:5123/desk?key=a%2Bb',
    );
  });

  it('uses wss for https pages and sends an empty key when the page has none', () => {
    expect(deskSocketUrl({ protocol: 'https:', host: 'desk.example.com', search: '' })).toBe('wss://desk.example.com/desk?key=');
  });
});
