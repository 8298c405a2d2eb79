// The reader bundle's entry, injected into a tab by the background (scripting.executeScript) the
// first time the reader is opened there, and never on pages where it is not. It registers the
// `ReaderControl` the detector uses for every later toggle, opens the reader at once (that is why
// it was injected), tells the background when the overlay opens and closes (the button's title),
// and closes an open reader when the page navigates in place.

import type { DictionaryLoader } from '../core/zh/index.ts';
import {
  extensionApi,
  isLocationChangedMessage,
  readerControl,
  sendToBackground,
  setReaderControl,
  type ReaderControl,
} from '../messages.ts';
import { ReaderSession } from './host.ts';

const DICTIONARY_NAME = /^[a-z0-9-]+$/;

/**
 * Dictionaries are packaged as `zh/<pack>.bin` (web-accessible to BBC pages only) and fetched on
 * the first script switch — never on open. The conversion module caches what it has loaded.
 */
const loadDictionary: DictionaryLoader = async (pack) => {
  if (!DICTIONARY_NAME.test(pack)) throw new Error(`Qingdu: no dictionary file named "${pack}"`);
  const response = await fetch(extensionApi().runtime.getURL(`zh/${pack}.bin`));
  if (!response.ok) throw new Error(`Qingdu: dictionary file ${pack}: HTTP ${response.status}`);
  // Copied into this script's realm: in a Firefox content script, the buffer fetch hands back
  // cannot be read from here (a view over it fails with 'Permission denied to access property
  // "constructor"', Firefox ESR 153). The copy costs well under a millisecond.
  return structuredClone(await response.arrayBuffer());
};

function createReaderControl(): ReaderControl {
  let session: ReaderSession | undefined;

  const control: ReaderControl = {
    isOpen: () => session !== undefined,
    open() {
      if (session) return;
      const opening = new ReaderSession({
        loadDictionary,
        onClosed: () => {
          if (session === opening) session = undefined;
          void sendToBackground({ type: 'qingdu:reader-state', open: false });
        },
      });
      session = opening;
      void sendToBackground({ type: 'qingdu:reader-state', open: true });
      void opening.open();
    },
    close() {
      session?.close();
    },
  };

  extensionApi().runtime.onMessage.addListener((message: unknown) => {
    if (isLocationChangedMessage(message)) session?.followLocation(message.url);
  });
  // A full navigation away needs nothing: the document and the reader go together.
  return control;
}

// Injected once per tab by design; if it ever runs twice, the first control stays in charge.
const existing = readerControl();
if (existing) {
  existing.open();
} else {
  const control = createReaderControl();
  setReaderControl(control);
  control.open();
}
