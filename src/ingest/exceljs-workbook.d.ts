// The type of exceljs's Workbook module, imported on its own by xlsx.ts (exceljs declares only its entry).
declare module "exceljs/lib/doc/workbook.js" {
  const Workbook: typeof import("exceljs").Workbook;
  export default Workbook;
}
