// JSON Schemas of GeoReport v2 responses with the constraints of the published GeoReport v2 schemas
// (open311/schema-validation: schema/georeport-v2/*.json and its swagger.json), written here since they
// live inside a PHP application, not a package we could depend on: ids, tokens and keys are strings,
// account_id and datatype_description are strings or absent (never null), service_code is required.
// servicerequestupdates follows mySociety's extension, which has no published schema.
import AjvModule from 'ajv';
import formatsModule from 'ajv-formats';

// Both packages are CommonJS with a `default` export property; ESM sees it one level down.
const Ajv = AjvModule.default;
const addFormats = formatsModule.default;

const nullableString = { type: ['string', 'null'] };
const w3c = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(Z|[+-]\\d{2}:\\d{2})$' };
const arrayOf = (items: object, minItems = 0) => ({ type: 'array', items, minItems });
/** An object with exactly these properties; all required unless listed as optional. */
const record = (properties: Record<string, object>, optional: string[] = []) => ({
  type: 'object',
  properties,
  required: Object.keys(properties).filter((k) => !optional.includes(k)),
  additionalProperties: false,
});

export const SCHEMAS = {
  discovery: record({
    changeset: w3c,
    contact: { type: 'string' },
    key_service: { type: 'string' },
    endpoints: arrayOf(
      record({
        specification: { const: 'http://wiki.open311.org/GeoReport_v2' },
        url: { type: 'string', format: 'uri' },
        changeset: w3c,
        type: { enum: ['production', 'test'] },
        formats: arrayOf({ enum: ['text/xml', 'application/json'] }, 1),
      }),
      1,
    ),
  }),
  services: arrayOf(
    record(
      {
        service_code: { type: 'string', minLength: 1 },
        service_name: { type: 'string' },
        description: nullableString,
        metadata: { type: 'boolean' },
        type: { enum: ['realtime', 'batch', 'blackbox'] },
        keywords: nullableString,
        group: nullableString,
      },
      ['description', 'keywords', 'group'],
    ),
    1,
  ),
  serviceDefinition: record({
    service_code: { type: 'string' },
    attributes: arrayOf(
      record(
        {
          variable: { type: 'boolean' },
          code: { type: 'string' },
          datatype: { enum: ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] },
          required: { type: 'boolean' },
          datatype_description: { type: 'string' },
          order: { type: ['integer', 'null'], minimum: 1 },
          description: nullableString,
          values: arrayOf(record({ key: { type: 'string' }, name: { type: 'string' } })),
        },
        ['datatype_description', 'order', 'description', 'values'],
      ),
    ),
  }),
  postResponse: arrayOf(
    record(
      {
        service_request_id: { type: 'string' },
        token: { type: 'string' },
        service_notice: nullableString,
        account_id: { type: 'string' },
      },
      ['token', 'service_notice', 'account_id'],
    ),
    1,
  ),
  token: arrayOf(record({ service_request_id: { type: 'string' }, token: { type: 'string' } }), 1),
  requests: arrayOf(
    record(
      {
        service_request_id: { type: 'string' },
        status: { enum: ['open', 'closed'] },
        status_notes: nullableString,
        service_name: nullableString,
        service_code: { type: 'string' },
        description: { anyOf: [{ type: 'string', maxLength: 4000 }, { type: 'null' }] },
        agency_responsible: nullableString,
        service_notice: nullableString,
        requested_datetime: w3c,
        updated_datetime: { anyOf: [w3c, { type: 'null' }] },
        expected_datetime: { anyOf: [w3c, { type: 'null' }] },
        address: nullableString,
        address_id: nullableString,
        zipcode: nullableString,
        lat: { type: ['number', 'null'], minimum: -90, maximum: 90 },
        long: { type: ['number', 'null'], minimum: -180, maximum: 180 },
        media_url: { anyOf: [{ type: 'string', format: 'uri' }, { type: 'null' }] },
      },
      [
        'status_notes',
        'service_name',
        'description',
        'agency_responsible',
        'service_notice',
        'updated_datetime',
        'expected_datetime',
        'address',
        'address_id',
        'zipcode',
        'lat',
        'long',
        'media_url',
      ],
    ),
  ),
  updates: arrayOf(
    record({
      update_id: { type: 'string' },
      service_request_id: { type: 'string' },
      status: { enum: ['open', 'closed'] },
      updated_datetime: w3c,
      description: nullableString,
      media_url: nullableString,
    }),
  ),
  errors: arrayOf(record({ code: { type: 'integer' }, description: { type: 'string', minLength: 1 } }), 1),
};

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(ajv);
const validators = Object.fromEntries(Object.entries(SCHEMAS).map(([k, s]) => [k, ajv.compile(s)])) as Record<
  keyof typeof SCHEMAS,
  ReturnType<typeof ajv.compile>
>;

/** Throws with ajv's messages when `body` does not match the named response schema. */
export function assertSchema(name: keyof typeof SCHEMAS, body: unknown): void {
  const validate = validators[name];
  if (!validate(body))
    throw new Error(
      `${name} 不符合 GeoReport v2：${ajv.errorsText(validate.errors)}\n${JSON.stringify(body).slice(0, 500)}`,
    );
}
