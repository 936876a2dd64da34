/**
 * The paste reader's browser half, loaded by lookup-ui with import() only when a query is not an
 * exact hit in its shard (pasted text, a sentence, a near miss), and on the lookup page. A code
 * typed into the header box is answered without it, so an exact hit fetches one shard and the
 * small lookup module only.
 */
export { readPaste, unpackMessages } from '../lib/paste';
export { PARAM_FOR_LINE } from '../lib/versions';
