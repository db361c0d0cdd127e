// The official test vectors of signing.md (md5 documented by the vendor, sha256 computed and checked).
export const credentials = { accessKey: 'fme2na3kdi3ki', accessSecret: 'abciiiko2k3' };
export const operation = { action: 'send', bizType: '1', ts: '1655710885431' };

export const vectors = [
  {
    body: '{"name":"牛小信","id":10001}',
    md5: '87c3560d3331ae23f1021e2025722354',
    sha256: 'e0eec2c99ef80f269a82795e2223f618ebfc0616c8b6c8c7d438021ec38ad0eb',
  },
  {
    body: '{"id":10001,"name":"牛小信"}',
    md5: '7750759da06333f20d0640be09355e34',
    sha256: 'd04863619d46121592cdb312ec0a91c148a1f5daea64930ad0e1fb31a04dc808',
  },
  {
    body: '{"id": 10001, "name": "牛小信"}',
    md5: 'd0c24a9886c629330d7f3f2056c65bc2',
    sha256: 'feaa901c8a317a0f5e488dd7d9ae046742afa0d0a70f415817c835873efa4cb7',
  },
  {
    body: undefined,
    md5: '884afe159e39b6c88a0d6102ca97d704',
    sha256: '921e82155cc02cdf78da934307c33cdca3f412d35ddb5b965482a2e029e900f4',
  },
] as const;
