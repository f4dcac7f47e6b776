export { createTesseractRecognizer, type TesseractRecognizer } from './tesseract';
export { checkDigit, composeTd3, parseTd3, type Td3Data, type Td3Parsed } from './mrz';
