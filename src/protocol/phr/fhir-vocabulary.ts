/**
 * The words synthetic records are made of: conditions with SNOMED CT-style codes, observations with
 * LOINC-style codes and UCUM units, medications with RxNorm-style codes, people, places and payors.
 * The codes are chosen to look like the real terminologies and mostly are, but they are
 * illustrative: nothing here is checked against a terminology server, and no record describes a
 * real person.
 */

/** The code systems of FHIR R4 used in the records. */
export const SYSTEMS = Object.freeze({
  snomed: 'http://snomed.info/sct',
  loinc: 'http://loinc.org',
  rxnorm: 'http://www.nlm.nih.gov/research/umls/rxnorm',
  ucum: 'http://unitsofmeasure.org',
  conditionClinical: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
  conditionVerification: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
  conditionCategory: 'http://terminology.hl7.org/CodeSystem/condition-category',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  coverageClass: 'http://terminology.hl7.org/CodeSystem/coverage-class',
  subscriberRelationship: 'http://terminology.hl7.org/CodeSystem/subscriber-relationship',
  mrn: 'http://hospital.example.org/fhir/mrn',
  owner: 'urn:sesphr-lab:owner',
});

/** A diagnosis: its code, the terminology's display name and the name clinicians write. */
export interface ConditionTerm {
  readonly code: string;
  readonly display: string;
  readonly text: string;
}

/** Common chronic and acute diagnoses, so problem lists look like a primary-care record's. */
export const CONDITIONS: readonly ConditionTerm[] = Object.freeze([
  { code: '44054006', display: 'Diabetes mellitus type 2', text: 'Type 2 diabetes' },
  { code: '38341003', display: 'Hypertensive disorder, systemic arterial', text: 'Hypertension' },
  { code: '195967001', display: 'Asthma', text: 'Asthma' },
  { code: '13645005', display: 'Chronic obstructive lung disease', text: 'COPD' },
  { code: '35489007', display: 'Depressive disorder', text: 'Depression' },
  { code: '49436004', display: 'Atrial fibrillation', text: 'Atrial fibrillation' },
  { code: '53741008', display: 'Coronary arteriosclerosis', text: 'Coronary artery disease' },
  { code: '55822004', display: 'Hyperlipidemia', text: 'High cholesterol' },
  { code: '69896004', display: 'Rheumatoid arthritis', text: 'Rheumatoid arthritis' },
  { code: '396275006', display: 'Osteoarthritis', text: 'Osteoarthritis' },
  { code: '40930008', display: 'Hypothyroidism', text: 'Underactive thyroid' },
  { code: '84114007', display: 'Heart failure', text: 'Heart failure' },
  { code: '709044004', display: 'Chronic kidney disease', text: 'Chronic kidney disease' },
  { code: '37796009', display: 'Migraine', text: 'Migraine' },
  { code: '197480006', display: 'Anxiety disorder', text: 'Anxiety' },
  { code: '414916001', display: 'Obesity', text: 'Obesity' },
  { code: '235595009', display: 'Gastroesophageal reflux disease', text: 'Acid reflux' },
  { code: '271737000', display: 'Anemia', text: 'Anaemia' },
  { code: '68566005', display: 'Urinary tract infectious disease', text: 'Urinary tract infection' },
  { code: '444814009', display: 'Viral sinusitis', text: 'Sinusitis' },
]);

/** A measurement: its code and name, unit, plausible range and decimals, and its category. */
export interface ObservationTerm {
  readonly code: string;
  readonly display: string;
  readonly unit: string;
  readonly min: number;
  readonly max: number;
  readonly decimals: number;
  readonly category: 'vital-signs' | 'laboratory';
}

/** Vital signs and routine laboratory tests, with ranges that include abnormal values, as real records do. */
export const OBSERVATIONS: readonly ObservationTerm[] = Object.freeze([
  {
    code: '8480-6',
    display: 'Systolic blood pressure',
    unit: 'mm[Hg]',
    min: 95,
    max: 165,
    decimals: 0,
    category: 'vital-signs',
  },
  {
    code: '8462-4',
    display: 'Diastolic blood pressure',
    unit: 'mm[Hg]',
    min: 55,
    max: 105,
    decimals: 0,
    category: 'vital-signs',
  },
  {
    code: '8867-4',
    display: 'Heart rate',
    unit: '/min',
    min: 52,
    max: 110,
    decimals: 0,
    category: 'vital-signs',
  },
  {
    code: '9279-1',
    display: 'Respiratory rate',
    unit: '/min',
    min: 11,
    max: 22,
    decimals: 0,
    category: 'vital-signs',
  },
  {
    code: '8310-5',
    display: 'Body temperature',
    unit: 'Cel',
    min: 36,
    max: 38.6,
    decimals: 1,
    category: 'vital-signs',
  },
  {
    code: '29463-7',
    display: 'Body weight',
    unit: 'kg',
    min: 48,
    max: 120,
    decimals: 1,
    category: 'vital-signs',
  },
  {
    code: '8302-2',
    display: 'Body height',
    unit: 'cm',
    min: 150,
    max: 196,
    decimals: 0,
    category: 'vital-signs',
  },
  {
    code: '39156-5',
    display: 'Body mass index (BMI) [Ratio]',
    unit: 'kg/m2',
    min: 18,
    max: 38,
    decimals: 1,
    category: 'vital-signs',
  },
  {
    code: '59408-5',
    display: 'Oxygen saturation in Arterial blood by Pulse oximetry',
    unit: '%',
    min: 91,
    max: 100,
    decimals: 0,
    category: 'vital-signs',
  },
  {
    code: '4548-4',
    display: 'Hemoglobin A1c/Hemoglobin.total in Blood',
    unit: '%',
    min: 4.6,
    max: 10.5,
    decimals: 1,
    category: 'laboratory',
  },
  {
    code: '2339-0',
    display: 'Glucose [Mass/volume] in Blood',
    unit: 'mg/dL',
    min: 68,
    max: 220,
    decimals: 0,
    category: 'laboratory',
  },
  {
    code: '2093-3',
    display: 'Cholesterol [Mass/volume] in Serum or Plasma',
    unit: 'mg/dL',
    min: 130,
    max: 280,
    decimals: 0,
    category: 'laboratory',
  },
  {
    code: '2160-0',
    display: 'Creatinine [Mass/volume] in Serum or Plasma',
    unit: 'mg/dL',
    min: 0.5,
    max: 2.1,
    decimals: 2,
    category: 'laboratory',
  },
  {
    code: '718-7',
    display: 'Hemoglobin [Mass/volume] in Blood',
    unit: 'g/dL',
    min: 10.5,
    max: 17.5,
    decimals: 1,
    category: 'laboratory',
  },
  {
    code: '6690-2',
    display: 'Leukocytes [#/volume] in Blood by Automated count',
    unit: '10*3/uL',
    min: 3.5,
    max: 12,
    decimals: 1,
    category: 'laboratory',
  },
]);

/** A medication: its code and full display name, the ingredient people search for, and its dosing. */
export interface MedicationTerm {
  readonly code: string;
  readonly display: string;
  readonly ingredient: string;
  readonly dose: number;
  readonly doseUnit: string;
  readonly form: string;
}

/** Frequently prescribed oral drugs and one inhaler, matching the conditions above. */
export const MEDICATIONS: readonly MedicationTerm[] = Object.freeze([
  {
    code: '860975',
    display: 'metformin hydrochloride 500 MG Extended Release Oral Tablet',
    ingredient: 'metformin',
    dose: 1,
    doseUnit: 'tablet',
    form: 'tablet',
  },
  {
    code: '314076',
    display: 'lisinopril 10 MG Oral Tablet',
    ingredient: 'lisinopril',
    dose: 1,
    doseUnit: 'tablet',
    form: 'tablet',
  },
  {
    code: '197361',
    display: 'amlodipine 5 MG Oral Tablet',
    ingredient: 'amlodipine',
    dose: 1,
    doseUnit: 'tablet',
    form: 'tablet',
  },
  {
    code: '617310',
    display: 'atorvastatin 20 MG Oral Tablet',
    ingredient: 'atorvastatin',
    dose: 1,
    doseUnit: 'tablet',
    form: 'tablet',
  },
  {
    code: '310798',
    display: 'hydrochlorothiazide 25 MG Oral Tablet',
    ingredient: 'hydrochlorothiazide',
    dose: 1,
    doseUnit: 'tablet',
    form: 'tablet',
  },
  {
    code: '966222',
    display: 'levothyroxine sodium 0.05 MG Oral Tablet',
    ingredient: 'levothyroxine',
    dose: 1,
    doseUnit: 'tablet',
    form: 'tablet',
  },
  {
    code: '745679',
    display: 'albuterol 0.09 MG/ACTUAT Metered Dose Inhaler',
    ingredient: 'albuterol',
    dose: 2,
    doseUnit: 'puff',
    form: 'inhaler',
  },
  {
    code: '312938',
    display: 'sertraline 50 MG Oral Tablet',
    ingredient: 'sertraline',
    dose: 1,
    doseUnit: 'tablet',
    form: 'tablet',
  },
  {
    code: '855332',
    display: 'warfarin sodium 5 MG Oral Tablet',
    ingredient: 'warfarin',
    dose: 1,
    doseUnit: 'tablet',
    form: 'tablet',
  },
  {
    code: '198211',
    display: 'simvastatin 40 MG Oral Tablet',
    ingredient: 'simvastatin',
    dose: 1,
    doseUnit: 'tablet',
    form: 'tablet',
  },
  {
    code: '308136',
    display: 'amoxicillin 500 MG Oral Capsule',
    ingredient: 'amoxicillin',
    dose: 1,
    doseUnit: 'capsule',
    form: 'capsule',
  },
  {
    code: '200801',
    display: 'furosemide 20 MG Oral Tablet',
    ingredient: 'furosemide',
    dose: 1,
    doseUnit: 'tablet',
    form: 'tablet',
  },
  {
    code: '197806',
    display: 'ibuprofen 600 MG Oral Tablet',
    ingredient: 'ibuprofen',
    dose: 1,
    doseUnit: 'tablet',
    form: 'tablet',
  },
  {
    code: '205323',
    display: 'omeprazole 20 MG Delayed Release Oral Capsule',
    ingredient: 'omeprazole',
    dose: 1,
    doseUnit: 'capsule',
    form: 'capsule',
  },
]);

/** How often a medication is taken: the words and the FHIR Timing repeat. */
export interface Frequency {
  readonly text: string;
  readonly frequency: number;
  readonly period: number;
  readonly periodUnit: 'd' | 'wk';
}

/** Dosing schedules, in words for the dosage text and as a FHIR Timing. */
export const FREQUENCIES: readonly Frequency[] = Object.freeze([
  { text: 'once daily', frequency: 1, period: 1, periodUnit: 'd' },
  { text: 'twice daily', frequency: 2, period: 1, periodUnit: 'd' },
  { text: 'three times daily', frequency: 3, period: 1, periodUnit: 'd' },
  { text: 'every morning', frequency: 1, period: 1, periodUnit: 'd' },
  { text: 'once weekly', frequency: 1, period: 1, periodUnit: 'wk' },
]);

/** Given names from several languages, some non-ASCII, so records exercise UTF-8 end to end. */
export const GIVEN_FEMALE: readonly string[] = Object.freeze([
  'Amelia',
  'Zoë',
  'Hannah',
  'Sofia',
  'Grace',
  'Maria',
  'Chloe',
  'Ingrid',
  'Aisha',
  'Mei',
  'Lucía',
  'Ruth',
]);
/** Given names from several languages, some non-ASCII, so records exercise UTF-8 end to end. */
export const GIVEN_MALE: readonly string[] = Object.freeze([
  'Oliver',
  'José',
  'Liam',
  'Noah',
  'Arjun',
  'Mateo',
  'Samuel',
  'Lars',
  'Omar',
  'Kenji',
  'Thomas',
  'Ethan',
]);
/** Family names from several languages, with diacritics and an apostrophe (JSON must carry both). */
export const FAMILY: readonly string[] = Object.freeze([
  'Smith',
  'García',
  'Müller',
  'Nowak',
  'Okafor',
  'Tanaka',
  'Rossi',
  "O'Brien",
  'Khan',
  'Johansson',
  'Dubois',
  'Silva',
  'Kowalski',
  'Nguyen',
  'Andersen',
  'Haddad',
]);
/** Street names for addresses that change between Patient versions. */
export const STREETS: readonly string[] = Object.freeze([
  'Oak Street',
  'Maple Avenue',
  'Station Road',
  'Church Lane',
  'Harbour View',
  'Mill Road',
  'Park Crescent',
  'High Street',
  'Cedar Drive',
  'Elm Close',
]);

/** A city with a postal code and country, so addresses hang together. */
export interface Place {
  readonly city: string;
  readonly postalCode: string;
  readonly country: string;
}

/** Cities in several countries, each with a postal code of its country's shape. */
export const PLACES: readonly Place[] = Object.freeze([
  { city: 'Springfield', postalCode: '62704', country: 'US' },
  { city: 'Portland', postalCode: '97205', country: 'US' },
  { city: 'Leeds', postalCode: 'LS1 4AP', country: 'GB' },
  { city: 'Lyon', postalCode: '69002', country: 'FR' },
  { city: 'Graz', postalCode: '8010', country: 'AT' },
  { city: 'Malmö', postalCode: '211 22', country: 'SE' },
  { city: 'Porto', postalCode: '4050-262', country: 'PT' },
  { city: 'Islamabad', postalCode: '44000', country: 'PK' },
]);

/** Fictional insurers (no real company is named as a payor). */
export const PAYORS: readonly string[] = Object.freeze([
  'Northwind Health Insurance',
  'Blue Harbour Mutual',
  'Contoso Care',
  'Evergreen Health Plan',
  'Public Health Fund',
  'Fabrikam Assurance',
]);

/** Insurance policy kinds, from HL7 v3 ActCode. */
export const COVERAGE_TYPES: readonly { readonly code: string; readonly display: string }[] = Object.freeze([
  { code: 'EHCPOL', display: 'extended healthcare' },
  { code: 'HIP', display: 'health insurance plan policy' },
  { code: 'PUBLICPOL', display: 'public healthcare' },
]);

/** Phrases clinicians write in notes and narratives; plain ASCII, no characters JSON or XHTML escape. */
export const NOTE_PHRASES: readonly string[] = Object.freeze([
  'Patient seen in clinic today.',
  'Symptoms stable since the last visit.',
  'Reports good adherence to the current regimen.',
  'No adverse effects reported.',
  'Discussed diet, exercise and sleep.',
  'Reviewed recent laboratory results with the patient.',
  'Advised to monitor blood pressure at home.',
  'Follow-up in three months.',
  'Referred for specialist review.',
  'Vaccinations up to date.',
  'Smoking cessation advice given.',
  'Patient understands and agrees with the plan.',
  'Dose unchanged.',
  'Will repeat the test before the next appointment.',
]);
