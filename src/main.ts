import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { installIoWords } from './state/io-words';
import { framedByOtherOrigin } from './state/framing';
import { warmDashboardWorker } from './state/dashboard-worker-start';
import { parseRoute } from './state/routes';
import FramedNotice from './ui/FramedNotice.svelte';

// src/io words workbooks and reads their headers with the catalogue's words, which it is handed here.
installIoWords();

const target = document.getElementById('app');
if (!target) throw new Error('#app element missing from index.html');

// Framed by a page of another origin, the app does not start (nor open its data): it says so and links to itself.
const framed = framedByOtherOrigin(window);
// A reload of a dashboard: its worker loads while the app starts (the figures are its first question).
if (!framed && parseRoute(location.hash).name === 'dashboard') warmDashboardWorker();

export default framed ? mount(FramedNotice, { target }) : mount(App, { target });
