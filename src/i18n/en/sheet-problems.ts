/**
 * What a spreadsheet import says about a file, a sheet, a row or a cell: the problems and warnings
 * of its preview, and the details of a file it cannot read. Built only for what has a problem.
 */
export const sheetProblems = {
  'sheetProblem.listSeparator': ', ',
  'sheetProblem.row': 'row {row}',
  'sheetProblem.level': 'Level {n}',
  // A sheet as a whole (src/io/sheets/workbook-import.ts)
  'sheetProblem.idColumnMissing': 'the id column "{column}" is missing',
  'sheetProblem.unknownColumn': 'column "{column}" is not known and is ignored',
  'sheetProblem.notClause': '"{value}" is not a clause of 4–10',
  'sheetProblem.notControl': '"{value}" is not an Annex A control',
  'sheetProblem.unknownId': 'no record has the id "{id}"; leave the id empty to create one',
  'sheetProblem.duplicateId': '"{id}" appears on more than one row',
  'sheetProblem.singleton': 'a workspace has one {register} record; fill in the existing row instead of adding one',
  // Cells
  'sheetProblem.notDate': '"{value}" is not a date (use YYYY-MM-DD)',
  'sheetProblem.notRealDate': '"{value}" is not a real date',
  'sheetProblem.valueRequired': 'a value is required; use one of: {options}',
  'sheetProblem.notOneOf': '"{value}" is not one of: {options}',
  'sheetProblem.notYesNo': '"{value}" is not one of: {options} (or empty for not decided)',
  'sheetProblem.notFinite': '"{value}" is not a finite number',
  'sheetProblem.notNumber': '"{value}" is not a number (write digits with a point for decimals, e.g. 12.5, or leave the cell empty)',
  'sheetProblem.tooLong': 'the text is {length, plural, one {# character} other {# characters}}; at most {max} fit',
  'sheetProblem.unknownName': '"{value}" is not a known name',
  'sheetProblem.titleRequired': 'a title is required',
  'sheetProblem.required': 'a value is required',
  'sheetProblem.notCatalogItem': '"{value}" is not a clause or Annex A control of the catalog (e.g. 9.2.1 or A.6.2.4)',
  'sheetProblem.refUnknown': '"{value}" is not the Ref of a record in the workspace; use the Ref of a row of: {sheets}',
  'sheetProblem.refElsewhere': '"{value}" is in {sheet}; use the Ref of a row of: {sheets}',
  // Reading the file (details of io.problem.* codes)
  'sheetProblem.fileTooLarge': '{size, plural, one {# byte} other {# bytes}}, limit {limit}',
  'sheetProblem.binary': 'not a spreadsheet: expected .xlsx, .ods, .xls or .csv content',
  'sheetProblem.textNamedAsWorkbook': 'the file is named .{ext} but holds plain text: save it as .csv or as a real workbook',
  'sheetProblem.cfbCorrupt': 'the file is damaged: its compound-file structure cannot be read',
  'sheetProblem.password': 'the file is protected with a password; save a copy without one and import that',
  'sheetProblem.tooManySheets': '{count, plural, one {# sheet} other {# sheets}}; only the first {max} were read',
  'sheetProblem.clippedRows': 'sheet {sheet} has more than {max, plural, one {# row} other {# rows}}; only the first {max} were read',
  'sheetProblem.clippedColumns': 'sheet {sheet} has {count, plural, one {# column} other {# columns}}; only the first {max} were read',
  'sheetProblem.markup': 'an HTML or XML file, not a spreadsheet: save it as .xlsx or .csv',
  'sheetProblem.encodingGuessed': 'not UTF-8 or UTF-16; read as windows-1252 (Western European): check accented letters',
  'sheetProblem.unclosedQuote': 'row {row}: a quoted field is never closed, so everything after it was read into one cell',
  'sheetProblem.unclosedQuoteLine': 'it opens on line {line}; close it (or remove it) and choose the file again',
  'sheetProblem.cellTooLong':
    'sheet {sheet}, row {row}, column {column}: {length, plural, one {# character} other {# characters}}, only the first {max} were kept',
  'sheetProblem.tooManyProblems': 'only the first {count, plural, one {# problem} other {# problems}} are listed',
  'sheetProblem.notWorkbookZip': 'a zip archive, but not an .xlsx or .ods workbook',
  'sheetProblem.contentNotUtf8': 'the file is damaged (not-utf8): content.xml is not valid UTF-8',
  'sheetProblem.repeatedCells': 'its repeated cells expand to more than {max, plural, one {# cell} other {# cells}}',
  'sheetProblem.unreadable': 'not a spreadsheet this app can read ({message})',
} as const;
