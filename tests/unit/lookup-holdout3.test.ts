/**
 * The third held-out evaluation of the lookup (fixtures/lookup-holdout3.yaml): real input
 * collected on 2026-12-02, after the reader changes that held-out set 2's misses prompted, by a
 * collector who did not read the lookup's code, its scoring or the earlier sets' rows, from pages no
 * earlier set used. It is the blind measure of those changes. Checks and scoring: held-out.ts.
 */
import { describeHeldOut } from './held-out';

describeHeldOut({
  file: 'lookup-holdout3.yaml',
  // Set from its first scoring (7 of the 18 scored rows = 38.9 % top-1, every row answered,
  // 2026-12-02), rounded down to the percent. Raised from 11 of 24 when page words split compound
  // words into their parts (2026-12-03): 14 of 24 = 58.3 %. Then two gap rows were scored against the
  // new scm-event-7000 page, and both miss (2026-12-03): 14 of 26 = 53.8 %. The count is unchanged;
  // the fraction fell only because the rows were newly scored.
  floors: { top1: 0.53, answered: 1 },
  mix: { rows: 39, swedish: 8, noCode: 15 },
});
