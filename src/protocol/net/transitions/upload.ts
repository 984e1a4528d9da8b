/**
 * The owner's writes, in the paper's rules (SPEC 3.1, 4): prepare the draft (an upload: version 1
 * of every partition; an update: the next version of one), Gen_ri (25, a fresh r per access level
 * of the draft), Encrypt_Pi (26, seal each partition under its level's K), Compt_R (27, R_P per
 * level), Send_C (28, the ciphertext to the cloud), Send_Ri (29, R_P to the SRS), then the draft's
 * bookkeeping (forget r, mark the upload stored). Partitions of one level in one upload share r;
 * an update draws a fresh r for its one partition, which is what puts a new version out of reach
 * of an R kept from before.
 *
 * Deleting a file empties the cloud's store, the SRS's R_P and the owner's record of it; what users
 * already hold stays with them.
 * @module
 */
import {
  add,
  and,
  type ColourSet,
  c,
  type Expr,
  eq,
  ge,
  inSet,
  ite,
  lt,
  ne,
  not,
  opaque,
  or,
  tuple,
} from '../../../model/index.ts';
import { consume, inhibit, type NetBuilder, put, read } from '../builder.ts';
import { NONE } from '../instance.ts';
import { allHold, type Check, firstReason, someFails } from '../kit.ts';
import { knowledgePlace, PLACES } from '../places.ts';

const IN_FLIGHT = ['drafted', 'encrypted', 'sent'];

/** Upload, update and delete, with rules 25 to 29. */
export function uploadTransitions(b: NetBuilder): void {
  const k = b.kit;
  const inFlight = (x: string, file: string) =>
    and(eq(k.f(x, 'file'), k.f(file, 'file')), inSet(k.f(x, 'stage'), IN_FLIGHT));

  /** The owner `po` holds a draft of file `fr` that a refused Send_C left behind. */
  const stuckOf = (x: string) =>
    and(eq(k.f(x, 'owner'), k.f('po', 'principal')), eq(k.f(x, 'file'), k.f('fr', 'file')));

  // ---------------------------------------------------------------- upload: prepare
  for (const o of b.instance.owners) {
    const owner = k.name(o.name);
    const versionArcs = o.partitions.map((_, i) => consume(PLACES.version, `v${i}`));
    b.add({
      id: `Prepare_upload/${o.name}`,
      name: 'Prepare_upload',
      inputs: [
        read(PLACES.principal, 'po'),
        read(PLACES.clock, 'ck'),
        read(PLACES.windows, 'w'),
        read(PLACES.flags, 'fl'),
        consume(PLACES.file, 'fr'),
        ...versionArcs,
        inhibit(PLACES.stuck, 'stuck', stuckOf('stuck')),
      ],
      guard: and(
        k.is('po', 'principal', owner),
        allHold(k.ownerLookup('po')),
        k.is('po', 'keys', k.keys('sent')),
        k.is('fr', 'state', k.fileState('absent')),
        ...o.partitions.flatMap((p, i) => [
          eq(k.f(`v${i}`, 'file'), k.f('fr', 'file')),
          k.is(`v${i}`, 'partition', k.partition(p.label)),
          k.is(`v${i}`, 'version', c(1)),
        ]),
      ),
      outputs: [
        put(
          PLACES.file,
          k.copy('fr', k.voc.colours.file, {
            owner,
            state: k.fileState('drafting'),
            consent: k.f('fl', 'on'),
            whas: k.f('w', 'whas'),
            wlo: k.f('w', 'wlo'),
            whi: k.f('w', 'whi'),
          }),
        ),
        ...o.partitions.flatMap((p, i) => [
          put(
            PLACES.version,
            k.copy(`v${i}`, k.voc.colours.version, {
              stage: k.stage('drafted'),
              level: c(p.level),
              createdAt: k.f('ck', 'now'),
              era: k.f('ck', 'era'),
            }),
          ),
          put(
            knowledgePlace(o.name),
            k.fact({
              kind: 'plaintext',
              owner,
              file: k.f('fr', 'file'),
              gen: k.f('fr', 'gen'),
              partition: k.partition(p.label),
              level: c(p.level),
              version: c(1),
              era: k.f('ck', 'era'),
              born: k.f('ck', 'era'),
              payload: k.term('plain', [
                owner,
                k.f('fr', 'file'),
                k.f('fr', 'gen'),
                k.partition(p.label),
                c(1),
              ]),
            }),
          ),
        ]),
      ],
      meta: { kind: 'step', op: 'upload', actor: 'Owner', principal: o.name, call: 'prepareUpload' },
    });
  }
  const mine = eq(k.f('fr', 'owner'), k.f('po', 'principal'));
  const uploadChecks: Check[] = [
    ...k.ownerLookup('po'),
    {
      holds: not(and(k.is('fr', 'state', k.fileState('stored')), not(mine))),
      reason: k.reason('already-exists'),
    },
    { holds: k.is('po', 'keys', k.keys('sent')), reason: k.reason('unapproved') },
    { holds: not(k.is('fr', 'state', k.fileState('stored'))), reason: k.reason('already-exists') },
  ];
  const uploadInputs = [read(PLACES.principal, 'po'), read(PLACES.file, 'fr')];
  b.refusal({
    id: 'Upload_F',
    inputs: uploadInputs,
    guard: someFails(uploadChecks),
    actor: k.f('po', 'principal'),
    op: 'upload',
    reason: firstReason(uploadChecks),
    meta: { actor: 'Owner', call: 'prepareUpload' },
  });
  b.refusal({
    id: 'Upload_F_stuck',
    inputs: [...uploadInputs, read(PLACES.stuck, 'stuck')],
    guard: and(allHold(uploadChecks), stuckOf('stuck')),
    actor: k.f('po', 'principal'),
    op: 'upload',
    reason: k.reason('out-of-order'),
    meta: { actor: 'Owner', call: 'prepareUpload' },
  });

  // ---------------------------------------------------------------- update: prepare
  const owned = and(k.is('fr', 'state', k.fileState('stored')), mine);
  const curLink = eq(k.f('cu', 'file'), k.f('fr', 'file'));
  for (const o of b.instance.owners) {
    const owner = k.name(o.name);
    b.add({
      id: `Prepare_update/${o.name}`,
      name: 'Prepare_update',
      inputs: [
        read(PLACES.principal, 'po'),
        read(PLACES.clock, 'ck'),
        read(PLACES.file, 'fr'),
        read(PLACES.current, 'cu'),
        read(PLACES.scheme, 'sc'),
        consume(PLACES.version, 've'),
        inhibit(PLACES.version, 'busy', inFlight('busy', 'fr')),
        inhibit(PLACES.stuck, 'stuck', stuckOf('stuck')),
      ],
      guard: and(
        k.is('po', 'principal', owner),
        allHold(k.ownerLookup('po')),
        owned,
        curLink,
        ge(k.f('cu', 'current'), c(1)),
        k.is('sc', 'owner', owner),
        eq(k.f('sc', 'partition'), k.f('cu', 'partition')),
        eq(k.f('ve', 'file'), k.f('fr', 'file')),
        eq(k.f('ve', 'partition'), k.f('cu', 'partition')),
        eq(k.f('ve', 'version'), add(k.f('cu', 'current'), c(1))),
      ),
      outputs: [
        put(
          PLACES.version,
          k.copy('ve', k.voc.colours.version, {
            stage: k.stage('drafted'),
            level: k.f('sc', 'level'),
            createdAt: k.f('ck', 'now'),
            era: k.f('ck', 'era'),
          }),
        ),
        put(
          knowledgePlace(o.name),
          k.fact({
            kind: 'plaintext',
            owner,
            file: k.f('ve', 'file'),
            gen: k.f('fr', 'gen'),
            partition: k.f('ve', 'partition'),
            level: k.f('sc', 'level'),
            version: k.f('ve', 'version'),
            era: k.f('ck', 'era'),
            born: k.f('ck', 'era'),
            payload: k.term('plain', [
              owner,
              k.f('ve', 'file'),
              k.f('fr', 'gen'),
              k.f('ve', 'partition'),
              k.f('ve', 'version'),
            ]),
          }),
        ),
      ],
      meta: { kind: 'step', op: 'update', actor: 'Owner', principal: o.name, call: 'prepareUpdate' },
    });
  }
  const updateChecks: Check[] = [...k.ownerLookup('po'), { holds: owned, reason: k.reason('unknown-file') }];
  b.refusal({
    id: 'Update_F',
    inputs: [read(PLACES.principal, 'po'), read(PLACES.file, 'fr')],
    guard: someFails(updateChecks),
    actor: k.f('po', 'principal'),
    op: 'update',
    reason: firstReason(updateChecks),
    meta: { actor: 'Owner', call: 'prepareUpdate' },
  });
  b.refusal({
    id: 'Update_F_busy',
    inputs: [read(PLACES.principal, 'po'), read(PLACES.file, 'fr'), read(PLACES.stuck, 'stuck')],
    guard: and(allHold(updateChecks), stuckOf('stuck')),
    actor: k.f('po', 'principal'),
    op: 'update',
    reason: k.reason('out-of-order'),
    meta: { actor: 'Owner', call: 'prepareUpdate' },
  });
  b.refusal({
    id: 'Update_F_partition',
    inputs: [
      read(PLACES.principal, 'po'),
      read(PLACES.file, 'fr'),
      read(PLACES.current, 'cu'),
      inhibit(PLACES.stuck, 'stuck', stuckOf('stuck')),
    ],
    guard: and(allHold(updateChecks), curLink, k.is('cu', 'current', c(0))),
    actor: k.f('po', 'principal'),
    op: 'update',
    reason: k.reason('unknown-partition'),
    meta: { actor: 'Owner', call: 'prepareUpdate' },
  });

  // ---------------------------------------------------------------- rules 25 to 29
  const randOf = (rd: string, ve: string) =>
    and(eq(k.f(rd, 'file'), k.f(ve, 'file')), eq(k.f(rd, 'level'), k.f(ve, 'level')));
  const part = ite(k.is('ve', 'version', c(1)), k.partition(NONE), k.f('ve', 'partition'));
  const randArgs = [
    k.f('fr', 'owner'),
    k.f('ve', 'file'),
    k.f('fr', 'gen'),
    k.f('ve', 'level'),
    k.f('ve', 'version'),
    part,
  ];
  b.add({
    id: 'Gen_ri',
    inputs: [
      read(PLACES.version, 've'),
      read(PLACES.file, 'fr'),
      inhibit(PLACES.rand, 'drawn', randOf('drawn', 've')),
    ],
    guard: and(k.is('ve', 'stage', k.stage('drafted')), eq(k.f('fr', 'file'), k.f('ve', 'file'))),
    outputs: [
      put(
        PLACES.rand,
        tuple({
          owner: k.f('fr', 'owner'),
          file: k.f('ve', 'file'),
          gen: k.f('fr', 'gen'),
          level: k.f('ve', 'level'),
          version: k.f('ve', 'version'),
          part,
          stage: k.randStage('drawn'),
          r: k.term('r', randArgs),
          // R_P is not computed yet (rule 27 fills it in).
          rP: c(opaque(NONE), k.voc.payload),
        }),
      ),
    ],
    meta: { kind: 'step', op: 'upload', rule: '25', actor: 'Owner', call: 'drawR' },
  });
  b.add({
    id: 'Encrypt_Pi',
    inputs: [consume(PLACES.version, 've'), read(PLACES.rand, 'rd')],
    guard: and(k.is('ve', 'stage', k.stage('drafted')), randOf('rd', 've')),
    outputs: [
      put(PLACES.version, k.copy('ve', k.voc.colours.version, { stage: k.stage('encrypted') })),
      put(
        PLACES.sealed,
        tuple({
          owner: k.f('rd', 'owner'),
          file: k.f('ve', 'file'),
          gen: k.f('rd', 'gen'),
          partition: k.f('ve', 'partition'),
          version: k.f('ve', 'version'),
          level: k.f('ve', 'level'),
          born: k.f('ve', 'era'),
          payload: k.term('ct', [
            k.f('rd', 'owner'),
            k.f('ve', 'file'),
            k.f('rd', 'gen'),
            k.f('ve', 'partition'),
            k.f('ve', 'version'),
          ]),
        }),
      ),
    ],
    meta: { kind: 'step', op: 'upload', rule: '26', actor: 'Owner', call: 'encryptPartition' },
  });
  b.add({
    id: 'Compt_R',
    inputs: [consume(PLACES.rand, 'rd')],
    guard: k.is('rd', 'stage', k.randStage('drawn')),
    outputs: [
      put(
        PLACES.rand,
        k.copy('rd', k.voc.colours.rand, {
          stage: k.randStage('computed'),
          rP: k.term(
            'R_P',
            ['owner', 'file', 'gen', 'level', 'version', 'part'].map((n) => k.f('rd', n)),
          ),
        }),
      ),
    ],
    meta: { kind: 'step', op: 'upload', rule: '27', actor: 'Owner', call: 'computeR' },
  });
  const sealedOf = and(
    eq(k.f('sl', 'file'), k.f('ve', 'file')),
    eq(k.f('sl', 'partition'), k.f('ve', 'partition')),
    eq(k.f('sl', 'version'), k.f('ve', 'version')),
  );
  const cloudAuth = k.auth('po', 'ck');
  b.add({
    id: 'Send_C',
    inputs: [
      consume(PLACES.version, 've'),
      consume(PLACES.sealed, 'sl'),
      read(PLACES.principal, 'po'),
      read(PLACES.clock, 'ck'),
      consume(PLACES.current, 'cu'),
    ],
    guard: and(
      k.is('ve', 'stage', k.stage('encrypted')),
      sealedOf,
      eq(k.f('po', 'principal'), k.f('sl', 'owner')),
      allHold(cloudAuth),
      eq(k.f('cu', 'file'), k.f('ve', 'file')),
      eq(k.f('cu', 'partition'), k.f('ve', 'partition')),
    ),
    outputs: [
      put(PLACES.version, k.copy('ve', k.voc.colours.version, { stage: k.stage('sent') })),
      put(PLACES.current, k.copy('cu', k.voc.colours.current, { current: k.f('ve', 'version') })),
      put(
        knowledgePlace('cloud'),
        k.fact({
          kind: 'ciphertext',
          owner: k.f('sl', 'owner'),
          file: k.f('sl', 'file'),
          gen: k.f('sl', 'gen'),
          partition: k.f('sl', 'partition'),
          level: k.f('sl', 'level'),
          version: k.f('sl', 'version'),
          born: k.f('sl', 'born'),
          payload: k.f('sl', 'payload'),
        }),
      ),
    ],
    meta: { kind: 'step', op: 'upload', rule: '28', actor: 'Owner', call: 'sendCiphertext' },
  });
  b.refusal({
    id: 'Send_C_F',
    inputs: [
      read(PLACES.version, 've'),
      read(PLACES.sealed, 'sl'),
      read(PLACES.principal, 'po'),
      read(PLACES.clock, 'ck'),
    ],
    guard: and(
      k.is('ve', 'stage', k.stage('encrypted')),
      sealedOf,
      eq(k.f('po', 'principal'), k.f('sl', 'owner')),
      someFails(cloudAuth),
    ),
    actor: k.f('po', 'principal'),
    op: 'upload',
    reason: firstReason(cloudAuth),
    meta: { actor: 'Cloud', call: 'sendCiphertext' },
  });
  // A refused Send_C leaves the owner's draft behind for good (its certificate never comes back):
  // the net drops the draft's tokens, frees the file id, and remembers the stuck draft.
  const abortingOf = (x: string) => eq(k.f(x, 'file'), k.f('ab', 'file'));
  const unsent = (x: string) => and(abortingOf(x), inSet(k.f(x, 'stage'), ['drafted', 'encrypted']));
  const abortMeta = { kind: 'bookkeeping', op: 'upload', actor: 'Owner' } as const;
  b.add({
    id: 'Abort_draft',
    inputs: [
      read(PLACES.file, 'fr'),
      read(PLACES.principal, 'po'),
      read(PLACES.clock, 'ck'),
      read(PLACES.version, 've'),
      inhibit(
        PLACES.version,
        'half',
        and(eq(k.f('half', 'file'), k.f('fr', 'file')), k.is('half', 'stage', k.stage('sent'))),
      ),
      inhibit(PLACES.aborting, 'ab', eq(k.f('ab', 'file'), k.f('fr', 'file'))),
      inhibit(PLACES.stuck, 'stuck', stuckOf('stuck')),
    ],
    guard: and(
      eq(k.f('po', 'principal'), k.f('fr', 'owner')),
      eq(k.f('ve', 'file'), k.f('fr', 'file')),
      inSet(k.f('ve', 'stage'), ['drafted', 'encrypted']),
      someFails(cloudAuth),
    ),
    outputs: [
      put(PLACES.aborting, tuple({ owner: k.f('fr', 'owner'), file: k.f('fr', 'file') })),
      put(PLACES.stuck, tuple({ owner: k.f('fr', 'owner'), file: k.f('fr', 'file') })),
    ],
    meta: abortMeta,
  });
  for (const [id, place, which, reset] of [
    ['Abort/versions', PLACES.version, unsent, true],
    ['Abort/draws', PLACES.rand, abortingOf, false],
    ['Abort/sealed', PLACES.sealed, abortingOf, false],
  ] as const) {
    b.add({
      id,
      name: 'Abort',
      inputs: [read(PLACES.aborting, 'ab'), consume(place, 'x')],
      guard: which('x'),
      outputs: reset
        ? [
            put(
              place,
              k.copy('x', k.voc.colours.version, {
                stage: k.stage('none'),
                level: c(0),
                createdAt: c(0),
                era: c(0),
              }),
            ),
          ]
        : [],
      meta: abortMeta,
    });
  }
  b.add({
    id: 'Abort_done',
    inputs: [
      consume(PLACES.aborting, 'ab'),
      consume(PLACES.file, 'fr'),
      inhibit(PLACES.version, 'v', unsent('v')),
      inhibit(PLACES.rand, 'r', abortingOf('r')),
      inhibit(PLACES.sealed, 's', abortingOf('s')),
    ],
    guard: eq(k.f('fr', 'file'), k.f('ab', 'file')),
    outputs: [
      // An aborted upload frees the id; an aborted update leaves the stored file as it was.
      put(
        PLACES.file,
        k.copy(
          'fr',
          k.voc.colours.file,
          Object.fromEntries(
            (
              [
                ['owner', k.name(NONE)],
                ['state', k.fileState('absent')],
                ['consent', c(false)],
                ['whas', c(false)],
                ['wlo', c(0)],
                ['whi', c(0)],
              ] as const
            ).map(([f, fresh]) => [
              f,
              ite(k.is('fr', 'state', k.fileState('drafting')), fresh, k.f('fr', f)),
            ]),
          ),
        ),
      ),
    ],
    meta: abortMeta,
  });
  for (const o of b.instance.owners) {
    const owner = k.name(o.name);
    const parameter = k.fact({
      kind: 'parameter',
      subject: owner,
      owner,
      file: k.f('ve', 'file'),
      gen: k.f('rd', 'gen'),
      partition: k.f('ve', 'partition'),
      level: k.f('ve', 'level'),
      version: k.f('ve', 'version'),
      born: k.f('ve', 'era'),
      payload: k.f('rd', 'rP'),
    });
    b.add({
      id: `Send_Ri/${o.name}`,
      name: 'Send_Ri',
      inputs: [
        consume(PLACES.version, 've'),
        read(PLACES.rand, 'rd'),
        read(PLACES.principal, 'po'),
        read(PLACES.clock, 'ck'),
      ],
      guard: and(
        k.is('ve', 'stage', k.stage('sent')),
        randOf('rd', 've'),
        k.is('rd', 'stage', k.randStage('computed')),
        k.is('rd', 'owner', owner),
        k.is('po', 'principal', owner),
        allHold(k.ownerAuth('po', 'ck')),
      ),
      outputs: [
        put(PLACES.version, k.copy('ve', k.voc.colours.version, { stage: k.stage('done') })),
        put(knowledgePlace('srs'), parameter),
        put(knowledgePlace(o.name), parameter),
      ],
      meta: { kind: 'step', op: 'upload', rule: '29', actor: 'Owner', principal: o.name, call: 'sendR' },
    });
  }
  b.add({
    id: 'Drop_r',
    inputs: [
      consume(PLACES.rand, 'rd'),
      inhibit(
        PLACES.version,
        'todo',
        and(
          eq(k.f('todo', 'file'), k.f('rd', 'file')),
          eq(k.f('todo', 'level'), k.f('rd', 'level')),
          inSet(k.f('todo', 'stage'), IN_FLIGHT),
        ),
      ),
    ],
    guard: k.is('rd', 'stage', k.randStage('computed')),
    outputs: [],
    meta: { kind: 'bookkeeping', op: 'upload', actor: 'Owner' },
  });
  b.add({
    id: 'Upload_done',
    inputs: [
      consume(PLACES.file, 'fr'),
      inhibit(PLACES.version, 'todo', inFlight('todo', 'fr')),
      inhibit(PLACES.rand, 'rd', eq(k.f('rd', 'file'), k.f('fr', 'file'))),
    ],
    guard: k.is('fr', 'state', k.fileState('drafting')),
    outputs: [put(PLACES.file, k.copy('fr', k.voc.colours.file, { state: k.fileState('stored') }))],
    meta: { kind: 'bookkeeping', op: 'upload', actor: 'Owner' },
  });

  // ---------------------------------------------------------------- delete
  const deleteChecks: Check[] = [
    ...cloudAuth,
    { holds: k.is('fr', 'state', k.fileState('stored')), reason: k.reason('unknown-file') },
    { holds: mine, reason: k.reason('not-owner') },
  ];
  b.add({
    id: 'Delete',
    inputs: [read(PLACES.principal, 'po'), read(PLACES.clock, 'ck'), consume(PLACES.file, 'fr')],
    guard: allHold(deleteChecks),
    outputs: [put(PLACES.file, k.copy('fr', k.voc.colours.file, { state: k.fileState('deleting') }))],
    meta: { kind: 'step', op: 'delete', actor: 'Cloud', call: 'delete' },
  });
  b.refusal({
    id: 'Delete_F',
    inputs: [read(PLACES.principal, 'po'), read(PLACES.clock, 'ck'), read(PLACES.file, 'fr')],
    guard: someFails(deleteChecks),
    actor: k.f('po', 'principal'),
    op: 'delete',
    reason: firstReason(deleteChecks),
    meta: { actor: 'Cloud', call: 'delete' },
  });
  const deleting = k.is('fr', 'state', k.fileState('deleting'));
  const ofFile = (x: string) => eq(k.f(x, 'file'), k.f('fr', 'file'));
  const cloudCopy = (x: string) => and(ofFile(x), k.is(x, 'kind', k.kind('ciphertext')));
  const srsCopy = (x: string) =>
    and(ofFile(x), k.is(x, 'kind', k.kind('parameter')), eq(k.f(x, 'subject'), k.f('fr', 'owner')));
  const ownerCopy = (x: string) =>
    and(ofFile(x), or(k.is(x, 'kind', k.kind('plaintext')), k.is(x, 'kind', k.kind('parameter'))));
  const written = (x: string) => and(ofFile(x), not(k.is(x, 'stage', k.stage('none'))));
  const stale = (x: string) => and(ofFile(x), ne(k.f(x, 'current'), c(0)));
  const ticketed = (x: string) => and(ofFile(x), k.flag(x, 'ticket'));
  /** What deleting a file empties (`drop`) or resets for the id's next generation (`reset`). */
  const leftovers: readonly {
    readonly id: string;
    readonly place: string;
    readonly which: (x: string) => Expr;
    readonly owner?: string;
    readonly reset?: { readonly colour: ColourSet; readonly fields: Readonly<Record<string, Expr>> };
  }[] = [
    { id: 'Purge/cloud', place: knowledgePlace('cloud'), which: cloudCopy },
    { id: 'Purge/srs', place: knowledgePlace('srs'), which: srsCopy },
    ...b.instance.owners.map((o) => ({
      id: `Purge/${o.name}`,
      place: knowledgePlace(o.name),
      which: ownerCopy,
      owner: o.name,
    })),
    { id: 'Purge/draws', place: PLACES.rand, which: ofFile },
    {
      id: 'Purge/stuck',
      place: PLACES.stuck,
      which: (x: string) => and(ofFile(x), eq(k.f(x, 'owner'), k.f('fr', 'owner'))),
    },
    { id: 'Purge/sealed', place: PLACES.sealed, which: ofFile },
    {
      id: 'Purge/versions',
      place: PLACES.version,
      which: written,
      reset: {
        colour: k.voc.colours.version,
        fields: { stage: k.stage('none'), level: c(0), createdAt: c(0), era: c(0) },
      },
    },
    {
      id: 'Purge/current',
      place: PLACES.current,
      which: stale,
      reset: { colour: k.voc.colours.current, fields: { current: c(0) } },
    },
    {
      id: 'Purge/tickets',
      place: PLACES.ticket,
      which: ticketed,
      reset: { colour: k.voc.colours.ticket, fields: { ticket: c(false) } },
    },
  ];
  for (const l of leftovers) {
    const ownerIs = l.owner === undefined ? [] : [k.is('fr', 'owner', k.name(l.owner))];
    b.add({
      id: l.id,
      name: 'Purge',
      inputs: [read(PLACES.file, 'fr'), consume(l.place, 'x')],
      guard: and(deleting, l.which('x'), ...ownerIs),
      outputs: l.reset === undefined ? [] : [put(l.place, k.copy('x', l.reset.colour, l.reset.fields))],
      meta: { kind: 'bookkeeping', op: 'delete', actor: 'Cloud', place: l.place },
    });
  }
  const last = c(b.instance.maxUploads - 1);
  const again = lt(k.f('fr', 'gen'), last);
  b.add({
    id: 'Delete_done',
    inputs: [
      consume(PLACES.file, 'fr'),
      ...leftovers.map((l, i) =>
        inhibit(
          l.place,
          `left${i}`,
          and(l.which(`left${i}`), ...(l.owner === undefined ? [] : [k.is('fr', 'owner', k.name(l.owner))])),
        ),
      ),
    ],
    guard: deleting,
    outputs: [
      put(
        PLACES.file,
        tuple({
          file: k.f('fr', 'file'),
          gen: ite(again, add(k.f('fr', 'gen'), c(1)), k.f('fr', 'gen')),
          owner: k.name(NONE),
          state: ite(again, k.fileState('absent'), k.fileState('deleted')),
          consent: c(false),
          whas: c(false),
          wlo: c(0),
          whi: c(0),
        }),
      ),
    ],
    meta: { kind: 'bookkeeping', op: 'delete', actor: 'Cloud' },
  });
}
