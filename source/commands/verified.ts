// smsdeck verified [--region R] [--json]: the verified destination numbers (sandbox), the same as `smsdeck verify
// list` (the command tree runs verify's list action for it).
import {commandRunner} from './commandTree.js';

export const run = commandRunner('verified');
