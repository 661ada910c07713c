// Whether output shows matched values (issue 15): masked in CI and in files written for
// sharing (-o, -f FORMAT:FILE) and when piped; shown on a terminal and in a local git hook
// (the writer's own sentence, on the writer's own screen). Decided, first that says:
// --mask / --no-mask / --show-values, then PHI_LINT_MASK (1/true/yes or 0/false/no), then
// the config's `output: { mask: }`, then the default. A config cannot unmask in CI: it may
// come from the pull request being checked.

/** Variables that CI systems set (GitHub Actions, GitLab, Jenkins, Azure Pipelines, Buildkite, CircleCI). */
export const CI_VARIABLES = ['CI', 'GITHUB_ACTIONS', 'GITLAB_CI', 'JENKINS_URL', 'TF_BUILD', 'BUILDKITE', 'CIRCLECI'];

export interface MaskDecision {
  mask: boolean;
  /** Whether a flag or PHI_LINT_MASK decided (else the config may). */
  explicit: boolean;
  inCi: boolean;
}

type Env = Record<string, string | undefined>;

export const inCiOf = (env: Env): boolean => CI_VARIABLES.some((v) => !!env[v] && env[v] !== 'false');

/** A git hook (git exports GIT_INDEX_FILE to pre-commit hooks; the pre-commit framework sets PRE_COMMIT). */
export const inLocalHook = (env: Env, staged: boolean): boolean =>
  staged || !!env.GIT_INDEX_FILE || env.PRE_COMMIT === '1' || !!env.HUSKY_GIT_PARAMS;

/** The decision from flags, environment and where output goes; an error message for a bad PHI_LINT_MASK. */
export function decideMask(
  flags: { mask?: boolean; showValues?: boolean; toFile: boolean; staged: boolean },
  env: Env,
  stdoutIsTTY: boolean,
): MaskDecision | string {
  const inCi = inCiOf(env);
  if (flags.mask === true) return { mask: true, explicit: true, inCi };
  if (flags.mask === false || flags.showValues) return { mask: false, explicit: true, inCi };
  const v = env.PHI_LINT_MASK?.trim().toLowerCase();
  if (v !== undefined && v !== '') {
    if (['1', 'true', 'yes', 'on'].includes(v)) return { mask: true, explicit: true, inCi };
    if (['0', 'false', 'no', 'off'].includes(v)) return { mask: false, explicit: true, inCi };
    return `PHI_LINT_MASK must be 1 or 0 (true/false, yes/no), got "${env.PHI_LINT_MASK}"`;
  }
  const shown = !inCi && !flags.toFile && (stdoutIsTTY || inLocalHook(env, flags.staged));
  return { mask: !shown, explicit: false, inCi };
}

/** The config's `output: { mask: }` applied to a decision no flag or variable made. */
export function withConfigMask(d: MaskDecision, configMask: boolean | undefined, toFile: boolean): boolean {
  if (d.explicit || configMask === undefined) return d.mask;
  if (configMask) return true;
  return d.inCi || toFile ? d.mask : false;
}
