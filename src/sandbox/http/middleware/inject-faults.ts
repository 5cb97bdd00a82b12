import type { NextFunction, Request, Response } from 'express';
import { ApiError } from '../../errors';
import type { FaultController } from '../../faults/fault-controller';
import { sendApiError } from '../respond';

/**
 * Applies request-level faults before any route: added latency, stalled requests (no answer;
 * the socket is dropped after the stall time, or when the sandbox resets or closes), 503s, and 400s that quote the
 * request's Authorization header.
 */
export function injectFaults(faults: FaultController) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const stall = faults.takeStall();
    if (stall) {
      const drop = (): void => void req.socket.destroy();
      const untrack = faults.trackStall(drop);
      if (stall.ms !== null) {
        const timer = setTimeout(() => {
          untrack();
          drop();
        }, stall.ms);
        req.socket.once('close', () => clearTimeout(timer));
      }
      req.socket.once('close', untrack);
      return;
    }
    const proceed = (): void => {
      if (faults.takeUnavailable()) {
        sendApiError(
          res,
          new ApiError(503, 'SERVER_UNAVAILABLE', 'Server temporarily unavailable, please try again later'),
        );
        return;
      }
      const authorization = req.get('authorization');
      if (authorization !== undefined && faults.takeQuoteAuthorization()) {
        sendApiError(res, new ApiError(400, 'INVALID_HEADER_TYPE', `Rejected by the gateway: ${authorization}`));
        return;
      }
      next();
    };
    const latency = faults.latencyMs();
    if (latency > 0) setTimeout(proceed, latency);
    else proceed();
  };
}
