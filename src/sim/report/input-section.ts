/**
 * One input of the report (the run's results, its trace, the verifier's output, bench.json) as
 * the report received it: read and checked, never produced (that stage did not run), or present
 * but unreadable. Missing and broken inputs are states of the page, shown as such, not errors.
 */

/** An input file's state and, when it was read, its checked value. */
export type InputSection<T> =
  | { readonly kind: 'present'; readonly source: string; readonly data: T }
  | { readonly kind: 'not-run'; readonly source: string }
  | { readonly kind: 'unreadable'; readonly source: string; readonly problem: string };

/** An input's state without its value, as index.json and the page's footer list it. */
export interface InputStatus {
  readonly source: string;
  readonly state: 'present' | 'not-run' | 'unreadable';
  readonly problem?: string;
}

/** The value of a present input, undefined otherwise. */
export function presentData<T>(section: InputSection<T>): T | undefined {
  switch (section.kind) {
    case 'present':
      return section.data;
    case 'not-run':
    case 'unreadable':
      return undefined;
    default: {
      const unreachable: never = section;
      return unreachable;
    }
  }
}

/** The state of an input. */
export function inputStatus(section: InputSection<unknown>): InputStatus {
  switch (section.kind) {
    case 'present':
    case 'not-run':
      return Object.freeze({ source: section.source, state: section.kind });
    case 'unreadable':
      return Object.freeze({ source: section.source, state: section.kind, problem: section.problem });
    default: {
      const unreachable: never = section;
      return unreachable;
    }
  }
}
