/**
 * The invented cast and text of the demo mailbox. Every name, company and domain is made up (.example).
 * The text is data (demo-text.json: topics, replies, brands, spam); the people are here, with their types.
 */
import text from './demo-text.json' with { type: 'json' };

export interface Person {
  name: string;
  email: string;
  /** UTC offset in minutes, for the Date header. */
  tz: number;
}

const p = (name: string, email: string, tz: number): Person => ({ name, email, tz });

export const ME = p('Dana Whitfield', 'demo@skimmer.example', -480);

export const WORK = {
  priya: p('Priya Raman', 'priya.raman@larkspur.example', -480),
  marcus: p('Marcus Oyelaran', 'marcus.o@larkspur.example', -300),
  elena: p('Elena Sokolova', 'elena.sokolova@larkspur.example', 60),
  tomas: p('Tomás Ferreira', 'tomas.ferreira@larkspur.example', 0),
  hannah: p('Hannah Cho', 'hannah.cho@larkspur.example', -480),
  ravi: p('Ravi Deshmukh', 'ravi.d@larkspur.example', 330),
  liwei: p('Li Wei', 'li.wei@larkspur.example', 480),
};
export const CLIENTS = {
  olivia: p('Olivia Brandt', 'olivia.brandt@harborfinch.example', -300),
  kenji: p('Kenji Watanabe', 'k.watanabe@meridianfreight.example', 540),
  zoe: p('Zoë Lindqvist', 'zoe@nordvik-design.example', 60),
};
export const FRIENDS = {
  sam: p('Sam Whitfield', 'sam.whitfield@mailbox.example', -360),
  linda: p('Linda Whitfield', 'linda.w@mailbox.example', -360),
  jordan: p('Jordan Ellis', 'jordan.ellis@fastmail.example', -300),
  maya: p('Maya Goldberg', 'maya.goldberg@mailbox.example', -480),
  aiko: p('田中 愛子', 'aiko.tanaka@kumo.example', 540),
  minjun: p('박민준', 'minjun.park@hanul.example', 540),
  chenjing: p('陈静', 'chen.jing@qingshan.example', 480),
};

interface Topic<Attachment extends string> {
  subject: string;
  lines: string[];
  attachment?: Attachment;
}

export const WORK_TOPICS = text.workTopics as Topic<'csv' | 'pdf' | 'docx' | 'png'>[];
export const WORK_REPLIES: readonly string[] = text.workReplies;
export const PERSONAL_TOPICS = text.personalTopics as (Topic<'png' | 'ics' | 'pdf'> & { from: keyof typeof FRIENDS; label?: string })[];
export const PERSONAL_REPLIES: readonly string[] = text.personalReplies;
export const TRAVEL_CITIES: readonly { city: string; code: string; hotel: string }[] = text.travelCities;
export const BRANDS: readonly { name: string; email: string; slug: string; color: string; items: string[] }[] = text.brands;
/** `from` is a whole address, "Name <address>". */
export const SPAM: readonly { from: string; subject: string; body: string }[] = text.spam;
