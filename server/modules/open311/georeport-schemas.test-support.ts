// JSON Schemas of GeoReport v2 responses, written from the spec text (wiki.open311.org/GeoReport_v2,
// Service_Discovery, and mySociety's servicerequestupdates extension). The published schemas
// (open311/schema-validation) live inside a PHP application, not a package we could depend on.
import AjvModule from 'ajv';
import formatsModule from 'ajv-formats';

// Both packages are CommonJS with a `default` export property; ESM sees it one level down.
const Ajv = AjvModule.default;
const addFormats = formatsModule.default;

const nullableString = { type: ['string', 'null'] };
const w3c = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(Z|[+-]\\d{2}:\\d{2})$' };
const arrayOf = (items: object, minItems = 0) => ({ type: 'array', items, minItems });
const record = (properties: Record<string, object>, required = Object.keys(properties)) => ({ type: 'object', properties, required, additionalProperties: false });

export const SCHEMAS = {
  discovery: record({
    changeset: { type: 'string' }, contact: { type: 'string' }, key_service: { type: 'string' },
    endpoints: arrayOf(record({
      specification: { const: 'http://wiki.open311.org/GeoReport_v2' }, url: { type: 'string', format: 'uri' }, changeset: { type: 'string' },
      type: { enum: ['production', 'test'] }, formats: arrayOf({ enum: ['text/xml', 'application/json'] }, 1),
    }), 1),
  }),
  services: arrayOf(record({
    service_code: { type: 'string', minLength: 1 }, service_name: { type: 'string' }, description: nullableString, metadata: { type: 'boolean' },
    type: { enum: ['realtime', 'batch', 'blackbox'] }, keywords: nullableString, group: nullableString,
  }), 1),
  serviceDefinition: record({
    service_code: { type: 'string' },
    attributes: arrayOf(record({
      variable: { type: 'boolean' }, code: { type: 'string' },
      datatype: { enum: ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] },
      required: { type: 'boolean' }, datatype_description: nullableString, order: { type: 'integer', minimum: 1 }, description: { type: 'string' },
      values: arrayOf(record({ key: { type: ['string', 'number'] }, name: { type: 'string' } })),
    })),
  }),
  postResponse: arrayOf(record({ service_request_id: { type: ['string', 'integer'] }, service_notice: nullableString, account_id: nullableString }), 1),
  token: arrayOf(record({ service_request_id: { type: ['string', 'integer'] }, token: { type: ['string', 'integer'] } }), 1),
  requests: arrayOf(record({
    service_request_id: { type: ['string', 'integer'] }, status: { enum: ['open', 'closed'] }, status_notes: nullableString,
    service_name: nullableString, service_code: nullableString, description: nullableString, agency_responsible: nullableString,
    service_notice: nullableString, requested_datetime: w3c, updated_datetime: w3c, expected_datetime: { anyOf: [w3c, { type: 'null' }] },
    address: nullableString, address_id: nullableString, zipcode: nullableString,
    lat: { type: ['number', 'null'], minimum: -90, maximum: 90 }, long: { type: ['number', 'null'], minimum: -180, maximum: 180 }, media_url: nullableString,
  })),
  updates: arrayOf(record({
    update_id: { type: ['string', 'integer'] }, service_request_id: { type: ['string', 'integer'] }, status: { enum: ['open', 'closed'] },
    updated_datetime: w3c, description: nullableString, media_url: nullableString,
  })),
  errors: arrayOf(record({ code: { type: 'integer' }, description: { type: 'string', minLength: 1 } }), 1),
};

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(ajv);
const validators = Object.fromEntries(Object.entries(SCHEMAS).map(([k, s]) => [k, ajv.compile(s)])) as Record<keyof typeof SCHEMAS, ReturnType<typeof ajv.compile>>;

/** Throws with ajv's messages when `body` does not match the named response schema. */
export function assertSchema(name: keyof typeof SCHEMAS, body: unknown): void {
  const validate = validators[name];
  if (!validate(body)) throw new Error(`${name} 不符合 GeoReport v2：${ajv.errorsText(validate.errors)}\n${JSON.stringify(body).slice(0, 500)}`);
}
