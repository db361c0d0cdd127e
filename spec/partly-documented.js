// What a partly documented operation's page may not give: the closed list of `x-nxwa-partly-documented.missing`
// (spec/EXTENSIONS.md). The house rule checks markers against it; the docs say each gap in these words.
export const GAPS = {
  'request-fields': 'the request fields after those listed',
  required: 'which fields are required',
  'field-notes': 'the end of a note on the fields',
  'request-example': 'its request example',
  'answer-fields': "the answer's fields past the envelope",
  'answer-examples': 'any answer example',
  'failure-example': 'its failure example',
  'error-codes': 'its error codes',
};

/** The gaps an operation's marker names, or none. */
export const missingOf = (operation) => {
  const missing = operation?.['x-nxwa-partly-documented']?.missing;
  return Array.isArray(missing) ? missing : [];
};
