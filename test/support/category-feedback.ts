/** English complaints for category inference: even rows process (queues), odd rows attitude (rude staff). */
const WORDING = { process: 'We waited hours in the queue at the registration desk', attitude: 'The nurse was rude and shouted at my mother' } as const;

/**
 * A feedback CSV of `labelled` records with their category and `unlabelled` without, on 28 days of
 * June 2025, so that many share a received_at.
 */
export function categoryFeedbackCsv(labelled: number, unlabelled: number): string {
  const rows = ['id,received_at,department,category,text'];
  for (let i = 0; i < labelled + unlabelled; i += 1) {
    const category = i % 2 === 0 ? 'process' : 'attitude';
    const day = String(1 + (i % 28)).padStart(2, '0');
    rows.push(`R${i},2025-06-${day} 08:00,Emergency Department,${i < labelled ? category : ''},${WORDING[category]} (visit ${i})`);
  }
  return rows.join('\n');
}
