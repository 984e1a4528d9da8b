/**
 * One scenario step against the real protocol: the op's executor, chosen exhaustively by `op`.
 * Every executor maps the protocol's `Outcome` to the op's outcome words (OPERATIONS), refuses
 * inputs the protocol would throw on before calling it, and records each protocol call with its
 * measured time and value digests.
 */
import type { Step } from '../scenario/index.ts';
import { executeDecrypt, executeDownload, executeForward, executeRequest } from './access-steps.ts';
import { executeCollude } from './collude-step.ts';
import { executeConsent } from './consent-step.ts';
import type { ExecContext } from './exec-context.ts';
import { executeAudit, executeTamper } from './integrity-steps.ts';
import { executeGrant, executeJoin, executeRevoke, executeWindow } from './policy-steps.ts';
import {
  executeApprove,
  executeRegister,
  executeReject,
  executeRevokeCertificate,
} from './registration-steps.ts';
import { executeSearch } from './search-step.ts';
import type { StepExecution } from './step-execution.ts';
import { executeTick } from './tick-step.ts';
import { executeDelete, executeUpdate, executeUpload } from './upload-steps.ts';

/** Executes `step` on `ctx.system` (which it changes) and says what happened. */
export function executeStep(ctx: ExecContext, step: Step): StepExecution {
  switch (step.op) {
    case 'register':
      return executeRegister(ctx, step);
    case 'approve':
      return executeApprove(ctx, step);
    case 'reject':
      return executeReject(ctx, step);
    case 'revoke-certificate':
      return executeRevokeCertificate(ctx, step);
    case 'upload':
      return executeUpload(ctx, step);
    case 'update':
      return executeUpdate(ctx, step);
    case 'delete':
      return executeDelete(ctx, step);
    case 'grant':
      return executeGrant(ctx, step);
    case 'revoke':
      return executeRevoke(ctx, step);
    case 'join':
      return executeJoin(ctx, step);
    case 'window':
      return executeWindow(ctx, step);
    case 'tick':
      return executeTick(ctx, step);
    case 'request':
      return executeRequest(ctx, step);
    case 'download':
      return executeDownload(ctx, step);
    case 'decrypt':
      return executeDecrypt(ctx, step);
    case 'search':
      return executeSearch(ctx, step);
    case 'consent':
      return executeConsent(ctx, step);
    case 'forward':
      return executeForward(ctx, step);
    case 'audit':
      return executeAudit(ctx, step);
    case 'tamper':
      return executeTamper(ctx, step);
    case 'collude':
      return executeCollude(ctx, step);
    default: {
      const never: never = step;
      throw new TypeError(`executeStep: unknown operation in ${JSON.stringify(never)}`);
    }
  }
}
