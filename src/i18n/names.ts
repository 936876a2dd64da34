/**
 * Product and component names that read the same in every language (they are names, not words):
 * one table, spread into en.ts and sv.ts, so that a new release line is named once.
 */
export const names = {
  'component.fim-service-ma': 'FIM/MIM Service MA',
  'component.pcns': 'PCNS',
  'component.sql': 'SQL Server',
  'applies.mim-2016-sp3': 'MIM 2016 SP3',
  'applies.mim-2016-sp2': 'MIM 2016 SP2',
  'applies.mim-2016-sp1': 'MIM 2016 SP1',
  'applies.mim-2016-rtm': 'MIM 2016 RTM',
  'applies.fim-2010-r2': 'FIM 2010 R2',
  'applies.entra-connect': 'Microsoft Entra Connect (Azure AD Connect)',
} as const;
