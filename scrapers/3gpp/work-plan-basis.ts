// The basis of rapporteur seats read from the 3GPP work plan, in a module of its own so the reports can
// name it without loading the work plan's parser (and the spreadsheet reader behind it).
export const WORK_PLAN_BASIS = '3gpp-workplan';
