import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router-dom';
import { App, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
// Chinese dayjs locale, utc + timezone plugins: every time shows in Asia/Shanghai (shared/time.ts).
import '../shared/time';
import { SessionProvider } from './session/SessionContext';
import { router } from './router';
import './global.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

createRoot(root).render(
  <StrictMode>
    {/* Party red as the primary colour, as on the platforms the domain brief describes. */}
    <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#c8161d' } }}>
      <App>
        <SessionProvider>
          <RouterProvider router={router} />
        </SessionProvider>
      </App>
    </ConfigProvider>
  </StrictMode>,
);
