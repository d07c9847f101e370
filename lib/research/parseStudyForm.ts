import { parseUnits } from 'viem';
import { categoriesToMask, type CategoryKey } from '../categories';
import { OwnChartError } from '../errors/OwnChartError';
import { endOfDayUtc } from '../format/formatDate';
import type { ConsentDocument, StudyDescription } from './studyApi';

export type StudyFormValues = {
  title: string;
  purpose: string;
  consent: string;
  eligibility: string;
  categories: CategoryKey[];
  /** Reward per accepted contribution, in whole tokens ("25" or "12.5"). */
  reward: string;
  cap: string;
  /** YYYY-MM-DD: the last day patients can join and contribute. */
  endsOn: string;
};

export type ParsedStudy = {
  description: StudyDescription;
  consent: ConsentDocument;
  categories: number;
  reward: bigint;
  cap: number;
  endsAt: number;
};

/** A study form value the contract would refuse; `field` names the input. */
export class InvalidStudyInputError extends OwnChartError {
  override name = 'InvalidStudyInputError';
  constructor(
    readonly field: keyof StudyFormValues,
    message: string,
  ) {
    super(message);
  }
}

/** Checks the publish form with the contract's rules before any wallet prompt. `now` is chain time. */
export function parseStudyForm(values: StudyFormValues, decimals: number, now: number): ParsedStudy {
  const title = values.title.trim();
  const purpose = values.purpose.trim();
  const consent = values.consent.trim();
  if (title.length < 3) throw new InvalidStudyInputError('title', 'Give the study a title.');
  if (purpose.length < 10)
    throw new InvalidStudyInputError('purpose', 'Say in a sentence or two what the study is for.');
  if (consent.length < 50) {
    throw new InvalidStudyInputError(
      'consent',
      'Write the consent document patients will agree to (at least 50 characters).',
    );
  }
  const categories = categoriesToMask(values.categories);
  if (categories === 0)
    throw new InvalidStudyInputError('categories', 'Choose at least one category of records to ask for.');
  let reward: bigint;
  try {
    reward = parseUnits(values.reward.trim(), decimals);
  } catch {
    throw new InvalidStudyInputError('reward', 'Enter the reward as a number, such as 25 or 12.50.');
  }
  if (reward <= 0n) throw new InvalidStudyInputError('reward', 'The reward must be more than zero.');
  const cap = Number(values.cap);
  if (!Number.isInteger(cap) || cap < 1 || cap > 1_000_000) {
    throw new InvalidStudyInputError('cap', 'Enter how many patients may join, a whole number from 1.');
  }
  let endsAt: number;
  try {
    endsAt = endOfDayUtc(values.endsOn);
  } catch {
    throw new InvalidStudyInputError('endsOn', 'Choose the last day patients can join.');
  }
  if (endsAt <= now)
    throw new InvalidStudyInputError('endsOn', 'The end date has already passed. Choose a later date.');
  return {
    description: { kind: 'study-description', title, purpose, eligibility: values.eligibility.trim() },
    consent: { kind: 'consent', text: consent },
    categories,
    reward,
    cap,
    endsAt,
  };
}
