import { useMemo } from 'react';
import { useTheme } from '../shell/theme.ts';

const SERIES_VARS = ['--chart-1', '--chart-2', '--chart-3', '--chart-4', '--chart-5', '--chart-6', '--chart-7', '--chart-8'];
const FALLBACK = ['#5150d6', '#1f9d55', '#a35600', '#c4302b', '#2a6ad0', '#7a3fb0', '#3d4a5c', '#0e7c86'];

export interface ChartColours {
  series: string[];
  text: string;
  grid: string;
}

/** The theme's chart colours (theme.css), read again when the theme changes: SVG attributes need values, not var(). */
export function useChartColours(): ChartColours {
  const theme = useTheme();
  // The theme is what changes the variables: read them again when it does.
  return useMemo(() => {
    void theme;
    const style = getComputedStyle(document.documentElement);
    const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
    return {
      series: SERIES_VARS.map((v, i) => read(v, FALLBACK[i]!)),
      text: read('--text-muted', '#60606c'),
      grid: read('--border', '#e3e3e8'),
    };
  }, [theme]);
}
