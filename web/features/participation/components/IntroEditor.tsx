import { App, Button, Input, Modal } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../shared/api';
import { saveIntro } from '../api';

/** Staff write the introduction the community's public portal opens with. */
export function IntroEditor({ communityId }: { communityId: number }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const save = () =>
    saveIntro(communityId, text).then(
      () => {
        message.success('门户简介已保存');
        setOpen(false);
      },
      (e: unknown) => message.error(errorMessage(e)),
    );
  return (
    <>
      <Button onClick={() => setOpen(true)}>编辑门户简介</Button>
      <Modal open={open} title="社区门户简介" okText="保存" onOk={save} onCancel={() => setOpen(false)} destroyOnHidden>
        <Input.TextArea rows={6} maxLength={5000} showCount value={text} onChange={(e) => setText(e.target.value)} />
      </Modal>
    </>
  );
}
