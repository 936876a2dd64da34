/**
 * Decodes an HRESULT the way err.exe and winerror.h describe it: severity bit, facility (11 bits)
 * and code (16 bits). FACILITY_WIN32 values (0x8007xxxx) carry a Win32 error number.
 */

/** Facility numbers from winerror.h that MIM admins meet. 35 (0x23) is the metadirectory (MIIS/FIM/MIM Sync) facility. */
const FACILITIES: Record<number, string> = {
  0: 'FACILITY_NULL',
  1: 'FACILITY_RPC',
  2: 'FACILITY_DISPATCH',
  3: 'FACILITY_STORAGE',
  4: 'FACILITY_ITF',
  7: 'FACILITY_WIN32',
  8: 'FACILITY_WINDOWS',
  9: 'FACILITY_SECURITY',
  10: 'FACILITY_CONTROL',
  11: 'FACILITY_CERT',
  12: 'FACILITY_INTERNET',
  17: 'FACILITY_COMPLUS',
  19: 'FACILITY_URT',
  25: 'FACILITY_HTTP',
  35: 'FACILITY_METADIRECTORY',
};

/** Well-known HRESULT names (winerror.h). */
const HRESULT_NAMES: Record<number, string> = {
  0x80004001: 'E_NOTIMPL',
  0x80004002: 'E_NOINTERFACE',
  0x80004003: 'E_POINTER',
  0x80004004: 'E_ABORT',
  0x80004005: 'E_FAIL',
  0x8000ffff: 'E_UNEXPECTED',
  0x80070005: 'E_ACCESSDENIED',
  0x80070006: 'E_HANDLE',
  0x8007000e: 'E_OUTOFMEMORY',
  0x80070057: 'E_INVALIDARG',
};

/** Win32 errors that show up in MIM connection and export failures (winerror.h names). */
const WIN32_NAMES: Record<number, string> = {
  2: 'ERROR_FILE_NOT_FOUND',
  3: 'ERROR_PATH_NOT_FOUND',
  5: 'ERROR_ACCESS_DENIED',
  32: 'ERROR_SHARING_VIOLATION',
  53: 'ERROR_BAD_NETPATH',
  87: 'ERROR_INVALID_PARAMETER',
  112: 'ERROR_DISK_FULL',
  1053: 'ERROR_SERVICE_REQUEST_TIMEOUT',
  1311: 'ERROR_NO_LOGON_SERVERS',
  1314: 'ERROR_PRIVILEGE_NOT_HELD',
  1326: 'ERROR_LOGON_FAILURE',
  1331: 'ERROR_ACCOUNT_DISABLED',
  1355: 'ERROR_NO_SUCH_DOMAIN',
  1722: 'RPC_S_SERVER_UNAVAILABLE',
  1909: 'ERROR_ACCOUNT_LOCKED_OUT',
  8453: 'ERROR_DS_DRA_ACCESS_DENIED',
};

export interface DecodedHresult {
  /** 0x + 8 lower-case hex digits. */
  hex: string;
  /** Unsigned and signed decimal forms, as .NET and some logs print them. */
  unsigned: number;
  signed: number;
  /** 1 = failure, 0 = success. */
  severity: 0 | 1;
  facility: number;
  facilityName?: string;
  code: number;
  /** Symbolic name when it is a well-known HRESULT. */
  name?: string;
  /** For FACILITY_WIN32: the Win32 error number and, when known, its name. */
  win32?: { code: number; name?: string };
  /**
   * Set when the value cannot be an HRESULT: bits 31 and 30 both set with the N bit (28) clear,
   * which [MS-ERREF] 2.1 forbids in an HRESULT. That is the layout of an NTSTATUS, the number
   * Windows gives an exception or a crash ("Exception code: 0xc0000005" in an Application Error
   * event), and it is read as one: `facility` is then the NTSTATUS's 12-bit facility, `name` its
   * STATUS_ name, and there is no HRESULT facility name or Win32 error.
   */
  ntstatus?: { customer: boolean };
}

/**
 * NTSTATUS values and exception codes that crash entries of miiserver.exe and its hosts show.
 * The STATUS_ names and numbers are from [MS-ERREF] 2.3.1 (NTSTATUS Values, Microsoft Learn).
 * 0xe0434352 is a customer code the .NET runtime raises for a managed exception nothing caught;
 * no Microsoft page was found for it, so its name rests on community pages (the
 * app-event-1000 page cites them and says so).
 */
const NTSTATUS_NAMES: Record<number, string> = {
  0xc0000005: 'STATUS_ACCESS_VIOLATION',
  0xc00000fd: 'STATUS_STACK_OVERFLOW',
  0xc0000374: 'STATUS_HEAP_CORRUPTION',
  0xc0000409: 'STATUS_STACK_BUFFER_OVERRUN',
  0xe0434352: 'CLR exception',
};

/** Decodes a canonical HRESULT string ("0x8007052e"). */
export function decodeHresult(hex: string): DecodedHresult {
  const unsigned = parseInt(hex.slice(2), 16) >>> 0;
  const facility = (unsigned >>> 16) & 0x7ff;
  const code = unsigned & 0xffff;
  const decoded: DecodedHresult = {
    hex: '0x' + unsigned.toString(16).padStart(8, '0'),
    unsigned,
    signed: unsigned | 0,
    severity: (unsigned >>> 31) as 0 | 1,
    facility,
    facilityName: FACILITIES[facility],
    code,
    name: HRESULT_NAMES[unsigned],
  };
  if (unsigned >>> 30 === 3 && !(unsigned & 0x10000000)) {
    decoded.ntstatus = { customer: !!(unsigned & 0x20000000) };
    decoded.facility = (unsigned >>> 16) & 0xfff;
    decoded.name = NTSTATUS_NAMES[unsigned];
    delete decoded.facilityName;
    return decoded;
  }
  if (facility === 7) decoded.win32 = { code, name: WIN32_NAMES[code] };
  return decoded;
}
