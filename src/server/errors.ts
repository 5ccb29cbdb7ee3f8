// Errors are JSON — { statusCode, error, message } — and never carry a stack trace. Client mistakes
// (bad query syntax, bad parameters, unknown ids, oversized bodies) keep their status and message;
// anything else is logged and answered with a plain 500.
import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyInstance, FastifyReply, FastifySchemaValidationError } from 'fastify';
import { QueryError } from '../store/query.ts';
import { StoreInputError } from '../store/store.ts';

/** An error a route throws to answer with a given status and message. */
export class HttpError extends Error {
  constructor(
    public statusCode: number,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const notFound = (message: string) => new HttpError(404, message);
export const badRequest = (message: string) => new HttpError(400, message);

export function sendError(reply: FastifyReply, statusCode: number, message: string): FastifyReply {
  return reply.status(statusCode).type('application/json; charset=utf-8').send({ statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message });
}

/** Validation messages that name the parameter: "querystring/limit must be integer". */
export function formatValidation(errors: FastifySchemaValidationError[], dataVar: string): Error {
  // "must have required property 'text'", "… 'html'", "must match a schema in anyOf" -> one message.
  const alternatives = new Map<string, string[]>();
  for (const e of errors) {
    if (e.keyword === 'required' && errors.some((o) => o.keyword === 'anyOf' && o.instancePath === e.instancePath)) {
      const list = alternatives.get(e.instancePath) ?? [];
      list.push(String((e.params as { missingProperty?: unknown }).missingProperty));
      alternatives.set(e.instancePath, list);
    }
  }
  const kept = errors.filter((e) => !(e.keyword === 'required' && alternatives.has(e.instancePath)));
  const parts = kept.map((e) => {
    if (e.keyword === 'anyOf' && alternatives.has(e.instancePath)) {
      return `${dataVar}${e.instancePath} needs one of the fields ${alternatives.get(e.instancePath)!.map((p) => `"${p}"`).join(' or ')}`;
    }
    const where = `${dataVar}${e.instancePath ?? ''}`;
    const params = e.params as Record<string, unknown>;
    if (params.additionalProperty) return `${where} has an unknown parameter "${String(params.additionalProperty)}"`;
    return `${where} ${e.message ?? 'is invalid'}`;
  });
  return new Error(parts.join('; '));
}

export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | Error, req, reply) => {
    if (err instanceof QueryError) return sendError(reply, 400, `bad search query: ${err.message}`);
    if (err instanceof StoreInputError || err instanceof HttpError) return sendError(reply, err.statusCode, err.message);
    const status = (err as FastifyError).statusCode;
    if (status && status >= 400 && status < 500) return sendError(reply, status, err.message);
    req.log.error({ err }, 'request failed');
    return sendError(reply, status && status >= 500 && status < 600 ? status : 500, 'internal error (see the server log)');
  });
}
