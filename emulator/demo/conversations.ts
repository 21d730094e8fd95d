/** The demo mailbox's conversations: work and personal threads, mailing lists, and CJK mail in legacy charsets. */
import { CLIENTS, FRIENDS, ME, PERSONAL_REPLIES, PERSONAL_TOPICS, WORK, WORK_REPLIES, WORK_TOPICS, type Person } from './content';
import { DEMO_END, DAY, HOUR, type DemoContext, type DemoMessage, type DemoThread } from './demo-context';
import { escapeHtml, fill, firstName, quote } from './formatting';
import { encodeEucKr, encodeGb2312, encodeIso2022Jp } from './legacy-encoders';
import { attachmentPart, multipart, textPart } from './mime-writer';

/** Work threads between Dana, colleagues and clients; some start with an attachment. */
export function addWorkThreads(c: DemoContext): void {
  const { rng, out, mid, domainOf, randomDate, withAttachment, vars, attachmentFor } = c;
  const colleagues = Object.values(WORK);
  const clients = Object.values(CLIENTS);
  for (let t = 0; t < 44; t++) {
    const topic = WORK_TOPICS[t % WORK_TOPICS.length]!;
    const v = vars();
    const subject = fill(topic.subject, v);
    const starter = rng.chance(0.25) ? ME : rng.chance(0.2) ? rng.pick(clients) : rng.pick(colleagues);
    const others = [rng.pick(colleagues.filter((c) => c !== starter))];
    const thread: DemoThread = { gmId: undefined };
    const project = rng.chance(0.6);
    const labels = project ? ['Work/Projects'] : ['Work'];
    let date = randomDate();
    const count = rng.int(1, 5);
    let prev: DemoMessage | undefined;
    let speaker = starter;
    for (let i = 0; i < count && date < DEMO_END; i++) {
      const lines = i === 0 ? topic.lines.map((l) => fill(l, v)) : [fill(rng.pick(WORK_REPLIES), v)];
      const to = speaker === ME ? others : [ME];
      const greeting = `Hi ${speaker === ME ? firstName(others[0]!) : 'Dana'},`;
      const signOff = speaker === ME ? 'Thanks,\nDana' : `Best,\n${firstName(speaker)}`;
      let text = `${greeting}\n\n${lines.join('\n')}\n\n${signOff}`;
      if (prev) text += quote(prev.plain ?? '', prev.from, prev.date);
      const parts = i === 0 && topic.attachment ? [attachmentFor(topic.attachment, subject, v, date)] : [];
      const body = withAttachment(textPart(text, { cte: rng.chance(0.3) ? 'qp' : undefined }), parts);
      const refs = prev ? [...(prev.references ?? []), prev.messageId] : undefined;
      const msg: DemoMessage = {
        date,
        from: speaker,
        to,
        cc: rng.chance(0.3) ? [rng.pick(colleagues)] : undefined,
        subject: i === 0 ? subject : `Re: ${subject}`,
        messageId: mid(domainOf(speaker)),
        inReplyTo: prev?.messageId,
        references: refs,
        thread,
        labels:
          speaker === ME
            ? ['Sent', ...labels]
            : ['Inbox', 'Category Personal', ...labels, ...(speaker === WORK.priya || clients.includes(speaker) ? ['Important'] : [])],
        body,
        plain: text,
        kind: 'work',
      };
      out.push(msg);
      prev = msg;
      speaker = speaker === ME ? (rng.chance(0.7) ? others[0]! : rng.pick(colleagues)) : rng.chance(0.6) ? ME : others[0]!;
      date += rng.int(1, 40) * HOUR + rng.int(0, 3599) * 1000;
    }
  }
}

/** Personal threads with friends; phones send HTML too. */
export function addPersonalThreads(c: DemoContext): void {
  const { rng, out, mid, domainOf, randomDate, boundary, withAttachment, vars, attachmentFor } = c;
  for (let t = 0; t < 24; t++) {
    const topic = PERSONAL_TOPICS[t % PERSONAL_TOPICS.length]!;
    const friend = FRIENDS[topic.from];
    const thread: DemoThread = { gmId: undefined };
    let date = randomDate();
    let prev: DemoMessage | undefined;
    const count = rng.int(1, 4);
    for (let i = 0; i < count && date < DEMO_END; i++) {
      const speaker = i % 2 === 0 ? friend : ME;
      const lines = i === 0 ? topic.lines : [rng.pick(PERSONAL_REPLIES)];
      let text = `${i === 0 ? `Hi ${speaker === ME ? firstName(friend) : 'Dana'}!` : 'Hey,'}\n\n${lines.join('\n')}\n\n${firstName(speaker)}`;
      if (prev) text += quote(prev.plain ?? '', prev.from, prev.date);
      const parts = i === 0 && topic.attachment ? [attachmentFor(topic.attachment, topic.subject, vars(), date)] : [];
      // phones send HTML too
      const html = rng.chance(0.35);
      const textBody = html
        ? multipart(
            'alternative',
            [textPart(text), textPart(`<div dir="ltr">${escapeHtml(text).replace(/\n/g, '<br>')}</div>`, { subtype: 'html' })],
            boundary(),
          )
        : textPart(text);
      const msg: DemoMessage = {
        date,
        from: speaker,
        to: [speaker === ME ? friend : ME],
        subject: i === 0 ? topic.subject : `Re: ${topic.subject}`,
        messageId: mid(domainOf(speaker)),
        inReplyTo: prev?.messageId,
        references: prev ? [...(prev.references ?? []), prev.messageId] : undefined,
        thread,
        labels: speaker === ME ? ['Sent', ...(topic.label ? [topic.label] : [])] : ['Inbox', 'Category Personal', ...(topic.label ? [topic.label] : [])],
        body: withAttachment(textBody, parts),
        plain: text,
        kind: 'personal',
      };
      out.push(msg);
      prev = msg;
      date += rng.int(20, 600) * 60_000;
    }
  }
}

/** Mailing-list threads (Forums), with List-* headers and footers. */
export function addMailingLists(c: DemoContext): void {
  const { rng, out, mid, domainOf, randomDate } = c;
  const member = (name: string, email: string): Person => ({ name, email, tz: 0 });
  const lists = [
    {
      id: 'gardening.lists.greenthumb.example',
      post: 'gardening@lists.greenthumb.example',
      prefix: '[Greenthumb]',
      label: 'Lists/Gardening',
      members: [
        member('Ruth Okafor', 'ruth.okafor@mailbox.example'),
        member('Gus Halvorsen', 'gus@halvorsen.example'),
        member('Imani Brooks', 'imani.b@fastmail.example'),
        FRIENDS.maya,
      ],
      topics: [
        'Tomato blight again?',
        'Seed swap on Saturday',
        'Best mulch for raised beds',
        'Garlic planting dates',
        'Community plot waiting list',
        'Aphids on the roses',
        'Composting in winter',
        'Volunteer day recap',
      ],
    },
    {
      id: 'tidepool-dev.lists.tidepool.example',
      post: 'tidepool-dev@lists.tidepool.example',
      prefix: '[tidepool-dev]',
      label: 'Lists/Tidepool',
      members: [
        member('Anders Vik', 'anders@vik.example'),
        member('Chidi Nwosu', 'chidi.nwosu@devmail.example'),
        member('Lena Park', 'lena.park@devmail.example'),
        WORK.marcus,
      ],
      topics: [
        'RFC: streaming parser API',
        'Release 2.4.0 candidate',
        'Flaky test in the scheduler suite',
        'Dropping Node 18 support',
        'Docs site redesign',
        'Benchmark results on ARM',
        'Proposal: plugin registry',
      ],
    },
  ];
  const LIST_LINES = [
    'I have seen the same thing on my side.',
    'Has anyone tried the approach from last year?',
    'Attaching my notes from the meeting below.',
    '+1, this would help a lot.',
    'I can help with this next weekend.',
    'Thanks everyone for the quick answers!',
    'See the archive thread from March for background.',
  ];
  for (const list of lists) {
    for (const topic of list.topics) {
      const thread: DemoThread = { gmId: undefined };
      let date = randomDate();
      let prev: DemoMessage | undefined;
      const count = rng.int(1, 5);
      for (let i = 0; i < count && date < DEMO_END; i++) {
        const speaker = i > 0 && rng.chance(0.2) ? ME : rng.pick(list.members);
        const text = `${i === 0 ? `Hi all,\n\n${topic}: ${rng.pick(LIST_LINES)}` : rng.pick(LIST_LINES)}\n\n-- \n${speaker.name}${prev ? quote((prev.plain ?? '').split('\n\n-- ')[0]!, prev.from, prev.date) : ''}\n\n_______________________________________________\n${list.prefix.slice(1, -1)} mailing list\nhttps://lists.example/listinfo/${list.id}`;
        const subject = `${i === 0 ? '' : 'Re: '}${list.prefix} ${topic}`;
        const msg: DemoMessage = {
          date,
          from: speaker,
          to: [{ name: '', email: list.post, tz: 0 }],
          subject,
          messageId: mid(domainOf(speaker)),
          inReplyTo: prev?.messageId,
          references: prev ? [...(prev.references ?? []), prev.messageId] : undefined,
          thread,
          labels: speaker === ME ? ['Sent', list.label] : ['Inbox', 'Category Forums', list.label],
          body: textPart(text),
          plain: text,
          kind: 'forum',
          extraHeaders: [
            ['List-Id', `${list.prefix.slice(1, -1)} <${list.id}>`],
            ['List-Post', `<mailto:${list.post}>`],
            ['List-Unsubscribe', `<https://lists.example/options/${list.id}>`],
            ['Precedence', 'list'],
          ],
        };
        out.push(msg);
        prev = msg;
        date += rng.int(2, 30) * HOUR;
      }
    }
  }
}

/** Korean, Japanese and Chinese mail, in legacy charsets and UTF-8. */
export function addCjkMail(c: DemoContext): void {
  const { rng, out, mid, domainOf, randomDate, boundary, png } = c;
  const jp = { charset: 'ISO-2022-JP', encode: encodeIso2022Jp };
  const kr = { charset: 'EUC-KR', encode: encodeEucKr };
  const cn = { charset: 'GB2312', encode: encodeGb2312 };
  const cjk: { from: Person; subject: string; text: string; enc?: { charset: string; encode: (s: string) => Buffer }; reply?: string; attach?: boolean }[] = [
    {
      from: FRIENDS.aiko,
      subject: '来週の京都旅行について',
      enc: jp,
      text: 'ダナさん\n\nこんにちは。来週の京都旅行の件です。\n金曜日の朝に京都駅で待ち合わせはいかがですか。\n嵐山と清水寺に行きたいと思っています。\n\n愛子',
      reply: '愛子さん\n\n金曜日の朝で大丈夫です。楽しみにしています！\n\nダナ',
    },
    {
      from: FRIENDS.aiko,
      subject: '写真を送ります',
      text: 'ダナさん\n\n旅行の写真を送ります。とても楽しかったです。\nまた一緒に行きましょう。\n\n愛子',
      attach: true,
    },
    {
      from: FRIENDS.minjun,
      subject: '서울 방문 일정',
      enc: kr,
      text: '다나 씨, 안녕하세요!\n\n다음 달 서울 방문 일정을 보내 드립니다.\n첫날은 경복궁과 북촌 한옥마을을 구경하고, 저녁에는 광장시장에서 식사를 해요.\n\n민준 드림',
      reply: '민준 씨, 고마워요! 정말 기대돼요.\n\n다나',
    },
    { from: FRIENDS.minjun, subject: '생일 축하해요!', text: '다나 씨, 생일 축하해요!\n행복한 하루 보내세요.\n\n민준' },
    {
      from: WORK.liwei,
      subject: '周报：数据平台进展',
      text: '大家好，\n\n本周数据平台进展如下：\n1. 完成了新调度系统的测试\n2. 客户报表的延迟问题已经解决\n3. 下周开始迁移历史数据\n\n谢谢，\n李伟',
    },
    {
      from: FRIENDS.chenjing,
      subject: '中秋节快乐',
      enc: cn,
      text: '达娜，你好！\n\n中秋节快乐！祝你和家人身体健康，万事如意。\n我们下个月在上海见面吧。\n\n陈静',
    },
  ];
  for (const c of cjk) {
    const thread: DemoThread = { gmId: undefined };
    const date = randomDate(DEMO_END - 400 * DAY);
    const messageId = mid(domainOf(c.from));
    const body = c.enc
      ? textPart(c.text, { charset: c.enc.charset, encode: c.enc.encode, cte: c.enc.charset === 'ISO-2022-JP' ? '7bit' : 'base64' })
      : textPart(c.text, { cte: 'base64' });
    out.push({
      date,
      from: c.from,
      to: [ME],
      subject: c.subject,
      subjectCharset: c.enc,
      messageId,
      thread,
      labels: ['Inbox', 'Category Personal'],
      body: c.attach ? multipart('mixed', [body, attachmentPart('kyoto.png', 'image/png', png(201))], boundary()) : body,
      kind: 'cjk',
    });
    if (c.reply) {
      out.push({
        date: date + rng.int(2, 20) * HOUR,
        from: ME,
        to: [c.from],
        subject: `Re: ${c.subject}`,
        messageId: mid('skimmer.example'),
        inReplyTo: messageId,
        references: [messageId],
        thread,
        labels: ['Sent'],
        body: textPart(c.reply, { cte: 'base64' }),
        kind: 'cjk',
      });
    }
  }
}
