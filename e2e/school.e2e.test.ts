import { describe, expect, it } from 'vitest';
import { saveScreenshot } from './harness.ts';
import { apiAs, PHONE, signedInPages, useServerAndBrowser } from './support/suite.ts';

describe('party school (手机党校)', () => {
  const suite = useServerAndBrowser();

  it('a member reads a lesson, passes the quiz and the exam on the phone, and earns party points', async () => {
    const { open, errors, close } = signedInPages(suite);
    try {
      const member = await open('member', { viewport: PHONE, isMobile: true, hasTouch: true });
      await member.goto('/school');
      await member.getByRole('link', { name: '学习贯彻党的二十大精神' }).click();

      // The first lesson not yet done opens: a document, finished by reading to the end.
      await member.getByText('中国式现代化，是中国共产党领导的社会主义现代化').waitFor();
      await member.getByRole('button', { name: '学完本课' }).click();
      await member.getByText('本课时已完成').first().waitFor();

      // The quiz: a wrong answer is graded and may be retaken; the right one completes it.
      await member.getByTestId('lesson-1').click();
      await member.getByText('A. 中国共产党').click();
      await member.getByText('D. 对外扩张').click();
      await member.getByRole('button', { name: '提交测验' }).click();
      await member.getByText(/得分 50.*可重新作答/).waitFor();
      await member.getByText('D. 对外扩张').click();
      await member.getByText('A. 人口规模巨大').click();
      await member.getByText('B. 全体人民共同富裕').click();
      await member.getByText('C. 人与自然和谐共生').click();
      await member.getByRole('button', { name: '提交测验' }).click();
      await member.getByText(/得分 100.*测验通过/).waitFor();

      // The exam opens now that every lesson is done.
      await member.getByTestId('open-exam').click();
      await member.getByText('A. 先锋模范作用').click();
      for (const option of ['A. 认领微心愿', 'B. 参加志愿服务', 'C. 上报问题隐患'])
        await member.getByText(option).click();
      await member.getByText('A. 共同富裕').click();
      await member.getByRole('button', { name: /交\s*卷/ }).click();
      await member.getByText(/得分 100.*考试合格.*获得党员积分 2 分/).waitFor();
      await member.getByText('您已通过本课程考试').waitFor();
      await saveScreenshot(member, 'school-exam-passed-phone');

      const records = await apiAs<{ data: { title: string; passedAt: string | null; bestScore: number }[] }>(
        member,
        'GET',
        '/api/school/me/records',
      );
      expect(records.body.data.find((r) => r.title === '学习贯彻党的二十大精神')).toMatchObject({ bestScore: 100 });
      await member.goto('/school/records');
      await member.getByText(/合格/).first().waitFor();
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
