/**
 * Every route of the API, once. The server registers each from here (server/http/contract.ts); clients call them by
 * name: `call(API.fieldKit, { params: { estateId } })`. The routes that take a JSON body are in endpoints/with-body.ts,
 * the rest in endpoints/bodiless.ts: a bundle that calls only the second kind loads no schema.
 */
export * from './endpoints/bodiless.ts';
export * from './endpoints/with-body.ts';
