import type { NextFunction, Request, Response } from 'express';
import { ApiError } from '../../errors';
import type { FaultController } from '../../faults/fault-controller';
import { sendApiError } from '../respond';

/**
 * Applies request-level faults before any route: added latency, stalled requests (no answer;
 * the socket is dropped after the stall time, or when the sandbox resets or closes) and 503s.
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
      next();
    };
    const latency = faults.latencyMs();
    if (latency > 0) setTimeout(proceed, latency);
    else proceed();
  };
}
