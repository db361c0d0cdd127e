// Every named example in the specs (requests, answers, callbacks) validates against the schema it illustrates,
// with a JSON Schema 2020-12 validator reading the bundled files.
import { describe, expect, it } from 'vitest';
import { describeErrors, hosts, namedExamples, validatorAt } from './support/spec.js';

describe.each(hosts)('%s', (host) => {
  const examples = namedExamples(host);

  it('has named examples', () => {
    expect(examples.length).toBeGreaterThan(3);
  });

  it.each(examples.map((e) => [`${e.where} — ${e.name}`, e] as const))('%s is valid', (_label, example) => {
    const validate = validatorAt(host, example.schemaPointer);
    const valid = validate(example.value);
    expect(valid, describeErrors(validate.errors)).toBe(true);
  });
});
