/**
 * The eighth held-out evaluation of the lookup (fixtures/lookup-holdout8.yaml): real input collected
 * on 2026-12-03 by a collector who did not read or run the lookup's code, its scoring or the earlier
 * sets' rows, from pages no earlier set used (see lookup-eval.README.md, "Held-out set 8"). Checks and
 * scoring: held-out.ts.
 */
import { describeHeldOut } from './held-out';

describeHeldOut({
  file: 'lookup-holdout8.yaml',
  // No floor yet: the lead sets it after the first (blind) scoring of this set.
  floors: { top1: 0, answered: 0 },
  mix: { rows: 34, swedish: 11, noCode: 32, eventViewer: 0 },
});
