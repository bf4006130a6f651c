import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { installIoWords } from './state/io-words';

// src/io words workbooks and reads their headers with the catalogue's words, which it is handed here.
installIoWords();

const target = document.getElementById('app');
if (!target) throw new Error('#app element missing from index.html');

export default mount(App, { target });
