import { app, authentication } from '@microsoft/teams-js';
import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, type Theme } from '@fluentui/react-components';

export type ThemeName = 'default' | 'dark' | 'contrast';

export const THEMES: Readonly<Record<ThemeName, Theme>> = {
  default: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};

/** Teams' theme names ('default' | 'dark' | 'contrast'); anything else is the light theme. */
export function themeName(value: string | undefined): ThemeName {
  return value === 'dark' || value === 'contrast' ? value : 'default';
}

/** Outside Teams: the browser's preference (forced colours → high contrast, dark → dark). */
export function browserTheme(): ThemeName {
  if (window.matchMedia?.('(forced-colors: active)').matches) return 'contrast';
  if (window.matchMedia?.('(prefers-color-scheme: dark)').matches) return 'dark';
  return 'default';
}

/** In Teams: initialise, follow its theme, and get SSO tokens for the API. */
export async function startInTeams(onTheme: (theme: ThemeName) => void): Promise<() => Promise<string>> {
  await app.initialize();
  const context = await app.getContext();
  onTheme(themeName(context.app.theme));
  app.registerOnThemeChangeHandler((theme) => onTheme(themeName(theme)));
  void app.notifySuccess();
  // teams-js caches the token and renews it before it expires.
  return () => authentication.getAuthToken();
}
