import { z } from 'zod';

/**
 * One spelling per tag, so that "VIP", " vip " and "Vip" are the same tag in every set:
 * trimmed, lower case, inner whitespace as single hyphens.
 */
export function normaliseTag(raw: string): string {
  return raw.trim().toLowerCase().replace(/\s+/g, '-');
}

/** A tag as an agent types it; parses to its normal form. */
export const TagInput = z
  .string()
  .max(200)
  .transform(normaliseTag)
  .pipe(z.string().min(1, 'A tag cannot be empty.').max(100, 'A tag can be at most 100 characters.'));

/** Most tags one ticket or article may carry (the model's limit). */
export const MAX_TAGS = 50;

/** A set of tags as typed: normalised, duplicates removed, first spelling's order kept. */
export const TagSet = z
  .array(TagInput)
  .max(MAX_TAGS, `At most ${MAX_TAGS} tags.`)
  .transform((tags) => [...new Set(tags)]);

/** The tags a change is about: at least one. */
export const TagChange = TagSet.refine((tags) => tags.length > 0, 'Name at least one tag.');
