/** The patterns the reader looks for in a paste: event IDs, HRESULTs, builds, event sources, message shapes. */
// Patterns over the pasted text (lower case, hyphens folded). All linear.

/**
 * An event ID after a word that names it: "Event ID: 6025", "EventID 6025", "events 6801, 6803
 * and 6110", "Event IDs 6903", "error 6032", "händelse-ID 6025", "felet **6025**", JSON
 * `"EventID": 6025`. The number may run into the next word ("Event ID: 6025Task Category", a box
 * that dropped the line breaks), but not into a digit, a decimal part, a time or a date.
 */
export const EVENT_AFTER_WORD =
  /(?:events?(?:[ \t]?-?[ \t]?ids?)?|eventids?|h[äa]ndelse(?:r|n)?(?:-?id)?|errors?|fel(?:et|kod)?)[ \t]*(?:[:#="'*([]{1,3}[ \t]*)?(\d{3,5}(?:[ \t]*(?:,|and|och|or|eller|&|\/)[ \t]*\d{3,5})*)(?!\d|[.,:/]\d)/g;
/** Event Viewer XML: `<EventID Qualifiers="49152">6309</EventID>`. */
export const EVENT_XML = /<eventid[^>]{0,80}>[ \t\r\n]{0,20}(\d{1,5})(?!\d)/g;
/** The number before the word: "6803 is logged when…", "6903 is the event that…". */
export const EVENT_BEFORE_WORD =
  /(?<![\d.,:/-])(\d{3,5})[ \t](?:(?:is|was|are|gets|has been)[ \t])?(?:(?:the|an|a)[ \t])?(?:event|logged|h[äa]ndelse)/g;
/** A number alone in the first cell of a table row: "|6900|FIMSynchronizationService|…", "6000 |". */
export const EVENT_TABLE_CELL = /(?:^|\n)[ \t]{0,8}\|?[ \t]{0,8}(\d{3,5})[ \t]{0,8}\|/g;
/**
 * HRESULTs: 0x + 8 hex digits; 8 bare hex digits starting 80 (as event logs print them); signed
 * decimal (.NET's HResult); unsigned decimal. Never a part of a GUID, a longer hex run or a word.
 */
export const HRESULT_TOKEN =
  /(?<![0-9a-z_{-])(0x[0-9a-f]{8}|80[0-9a-f]{6}|-21\d{8}|[1-4]\d{9})(?![0-9a-z_}]|-[0-9a-f])/g;
/** A build number: 4.4.1459.0, 4.1.3766, 1.1.1301.0 (not an IP address, a date or a file version of something else). */
export const BUILD = /(?<![\d.])([1-6])\.(\d{1,3})\.(\d{2,5})(?:\.(\d{1,5}))?(?!\d|\.\d)/g;

/** The words just before a build number that say it is one: "Build 4.3.2195.0", "Version - 4.6.673", "versionen 4.6.607.0". */
export const BUILD_CONTEXT =
  /\b(?:version\w{0,6}|build|versio\w{0,6}|v|ver|release|rollup|hotfix|update|uppdatering\w{0,3})[ \t]{0,3}(?:[:#=-][ \t]{0,3})?$/;
/** The words just before a number that say it is an error code ("failed with error 8007…"). */
export const ERROR_CONTEXT = /(?:error|hresult|\bhr|code|fail\w*|returned|exception|fel\w*)[^a-z0-9]{0,12}$/;
/** A run-profile name or a hash is not an HRESULT, whatever it looks like. */
export const NOT_HRESULT_CONTEXT =
  /(?:profile[^a-z0-9]{0,12}(?:name[^a-z0-9]{0,6})?|hash|sha1|sha256|md5|thumbprint)[^a-z0-9]{0,6}$/;

/**
 * A Win32 error constant as logs print it ("Error Code: ERROR_ACCESS_DENIED"). Its words are not
 * one of our code names (ERROR_ACCESS_DENIED is not the run status access-denied), so the code
 * reader skips them; the constants below are read as the HRESULT that wraps them instead.
 */
export const WIN32_CONSTANT = /(?<![a-z0-9_])error(?:_[a-z0-9]+)+(?![a-z0-9_])/g;
/**
 * Win32 error numbers of the constants whose HRESULT (0x8007 + the number) the catalog has. Each
 * checked against Microsoft Learn, "System Error Codes (0-499)",
 * https://learn.microsoft.com/windows/win32/debug/system-error-codes--0-499- (2, 5; 206 also in
 * the Win32 metadata, https://docs.rs/windows-sys/0.36.1/windows_sys/Win32/Foundation/constant.ERROR_FILENAME_EXCED_RANGE.html).
 * Add a name only with its documented number.
 */
export const WIN32_ERRORS: ReadonlyMap<string, number> = new Map([
  ['error_file_not_found', 2],
  ['error_access_denied', 5],
  ['error_filename_exced_range', 206],
]);

/**
 * A Windows version as a crash event prints a system module's ("Faulting module name: ntdll.dll,
 * version: 6.3.9600.18696"): 6.0 to 6.3 with an NT build from 6000 (Vista's first) up. 10.0.x
 * never matches BUILD. No Sync Service (4.x) or connector (1.x, 4.x, 5.x) build has this shape.
 */
export const isWindowsVersion = ([major, minor, build]: number[]) =>
  major === 6 && minor! <= 3 && build! >= 6000;
/** Words that only a Windows crash entry (Application Error 1000) has. */
export const CRASH_ENTRY = /faulting (?:application|module) name:/;

/** The program a Windows crash event (Application Error 1000) names: "Faulting application name: miiserver.exe, …". */
export const FAULTING_APPLICATION = /faulting application name:[ \t]*([^\s,]{1,120})/g;

/**
 * A .NET exception class written in a paste, with the namespace written before it if any:
 * "UnexpectedDataException", "Microsoft.MetadirectoryServices.UnexpectedDataException". Never a
 * part of a longer identifier ("MyUnexpectedDataExceptionHandler", "ServerDownExceptions"). Group
 * 1 is the namespace with its final dot, group 2 the class. Linear: the dotted prefix cannot
 * match the class's letters twice, as each repetition ends in a dot.
 */
export const EXCEPTION_CLASS =
  /(?<![a-z0-9_.])((?:[a-z_][a-z0-9_]*\.){0,8})([a-z][a-z0-9_]*exception)(?![a-z0-9_])/g;
/**
 * The namespace an exception class of the extension API (`exceptions:` in content) may be written
 * with. Any other namespace is another class of the same name, never ours: a System.* exception is
 * a generic .NET failure, which the stack-trace and message rules read.
 */
export const EXTENSION_NAMESPACE = 'microsoft.metadirectoryservices.';

/** Event sources and the words that name each in a paste. */
export const SOURCE_NAMES: ReadonlyMap<string, { named: string[]; words: string[] }> = new Map([
  [
    'fimsynchronizationservice',
    {
      named: ['fimsynchronizationservice', 'adsync', 'miiserver'],
      words: [
        'management agent',
        'run profile',
        'synchronization engine',
        'sync engine',
        'synchronization service',
        'forefront identity manager',
        'microsoft identity manager',
        'synkroniseringstjänst',
        'hanteringsagent',
      ],
    },
  ],
  [
    'pcnssvc',
    { named: ['pcnssvc'], words: ['pcns', 'password change notification', 'lösenordsändringsmeddelande'] },
  ],
  [
    'directory synchronization',
    {
      named: ['directory synchronization', 'directorysynchronization'],
      words: ['dirsync', 'azure active directory', 'azure ad', 'entra', 'password hash synchronization'],
    },
  ],
]);

/**
 * Known message shapes that name their code even without it: the stack trace of a rules
 * extension, and exception types that extensions and the FIM Service MA raise. `all` must all be
 * in the text; any one of `any` as well, when given.
 */
export const SHAPES: readonly { slug: string; any: string[]; all?: string[]; what: string }[] = [
  {
    // The Stack Trace dialog of a rules extension: its header lines, or a frame of a rules
    // extension interface (IMASynchronization, IMVSynchronization).
    slug: 'extension-dll-exception',
    any: [
      'extension file name',
      'extension context',
      'extension-callsite',
      'imvsynchronization.',
      'imasynchronization.',
      // ObjectAlreadyExistsException is `exceptions:` of this code in content, bare or not.
      'microsoft.metadirectoryservices.unexpecteddataexception',
    ],
    what: 'rules-extension stack trace',
  },
  {
    // A stack trace through an ECMA 1 (extensible) connector interface, or through SharePoint's
    // profile synchronization connector, which is one: the engine logs it as event 6801 ("The
    // extensible extension returned an unsupported error"), as the kanap.net and
    // sharepointwikipedia copies of such entries show.
    slug: 'sync-event-6801',
    any: [
      'imaextensiblefileimport.',
      'imaextensiblefileexport.',
      'imaextensiblecallexport.',
      'microsoft.office.server.userprofiles.managementagent.',
    ],
    what: 'extensible connector stack trace',
  },
  {
    // An ECMA (extensible) connector threw: its own exception type.
    slug: 'stopped-extensible-extension-error',
    any: ['extensibleextensionexception'],
    what: 'extensible connector exception',
  },
  {
    // The Exchange provisioning extension failed per object, after the entry was exported.
    slug: 'ma-extension-error',
    any: ['afterexportentrytocd', 'exportentrytocd()'],
    what: 'export extension error on one object',
  },
  {
    // The Exchange provisioning extension could not open its remote PowerShell session: the
    // export step stops.
    slug: 'stopped-extension-dll-exception',
    any: ['psremotingtransportexception', 'winrm cannot process', 'beginexporttocd'],
    what: 'export extension could not start',
  },
  {
    // The FIM Service MA cannot reach the FIM Service (WCF transport errors).
    slug: 'stopped-server',
    any: [
      'endpointnotfoundexception',
      'there was no endpoint listening',
      'system.servicemodel.communicationexception',
      'system.servicemodel.security.',
      'system.data.sqlclient.sqlexception',
    ],
    what: 'FIM Service MA connection or SQL exception',
  },
  {
    // The FIM Service refused one object: a fault from its web service.
    slug: 'failed-creation-via-web-services',
    any: [
      'valueviolatesuniqueness',
      'attributefailurecode',
      'invalidrepresentationexception',
      'fault reason:',
    ],
    what: 'FIM Service fault for one object',
  },
  {
    slug: 'failed-modification-via-web-services',
    any: ['fault reason:', 'faultexception'],
    what: 'FIM Service fault for one object',
  },
];

/** Generic words of Event Viewer entries and logs: never distinctive for a full-text search. */
export const LOG_WORDS = new Set(
  (
    'log name application source date level error errors keywords classic user computer description task ' +
    'category event none information warning details type message server stack trace exception system ' +
    'microsoft identity manager forefront failed failure http https www'
  ).split(' '),
);
