// AG Grid through its theming API, one theme with light and dark modes. The mode follows
// body[data-ag-theme-mode], which the settings provider sets together with the app's own theme.
import { themeQuartz } from 'ag-grid-community'

const shared = {
  fontFamily: 'var(--font-ui)',
  fontSize: 12.5,
  headerFontSize: 12,
  headerFontWeight: 600,
  rowHeight: 28,
  headerHeight: 32,
  spacing: 5,
  wrapperBorder: false,
  wrapperBorderRadius: 0,
  columnBorder: false,
  headerColumnResizeHandleColor: 'var(--border-strong)',
  cellHorizontalPadding: 8,
}

export const GRID_THEME = themeQuartz
  .withParams(
    {
      ...shared,
      backgroundColor: '#ffffff',
      foregroundColor: '#1f2328',
      accentColor: '#0969da',
      borderColor: '#d8dee4',
      headerBackgroundColor: '#f6f8fa',
      headerTextColor: '#424a53',
      rowHoverColor: '#f0f4f9',
      selectedRowBackgroundColor: '#dbe9fb',
      oddRowBackgroundColor: '#ffffff',
    },
    'light',
  )
  .withParams(
    {
      ...shared,
      backgroundColor: '#15181d',
      foregroundColor: '#e3e6ea',
      accentColor: '#5aa2ff',
      borderColor: '#2c323b',
      headerBackgroundColor: '#1b1f25',
      headerTextColor: '#c4cad2',
      rowHoverColor: '#1f252d',
      selectedRowBackgroundColor: '#1d3558',
      oddRowBackgroundColor: '#15181d',
    },
    'dark',
  )
