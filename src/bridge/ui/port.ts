/**
 * What the bridge service needs of the desk's UI for `system.popupToast` and `system.openDialog`:
 * checked, plain-text view models in, the agent's actions out. The implementation (Lit elements)
 * is in ./bridge-ui.ts, in the bridge's lazily loaded chunk.
 * @module
 */

/** A button of a toast. */
export interface ToastButton {
  id: string;
  label: string;
}

/** A toast as the agent sees it; every string is shown as text. */
export interface ToastView {
  id: string;
  title: string;
  subject: string;
  message: string;
  /** An image URL already checked to be on the caller's own origin. */
  iconUrl?: string;
  keyValues: { key: string; value: string }[];
  buttons: ToastButton[];
  /** Seconds until it closes itself; 0 = it stays until closed. */
  autoCloseSeconds: number;
  /** Pixels. */
  width?: number;
}

/** A dialog inside the desk showing a page whose origin is on the deployment's allow-list. */
export interface DialogView {
  id: string;
  url: string;
  title: string;
  width?: number;
  height?: number;
}

/** Why a toast or dialog closed. */
export type CloseCause = 'agent' | 'timeout' | 'host';

/** What the UI tells the service. */
export interface BridgeUiEvents {
  toastButton(toastId: string, buttonId: string): void;
  toastClosed(toastId: string, cause: CloseCause): void;
  dialogClosed(dialogId: string, cause: CloseCause): void;
}

/** The desk's toasts and dialogs. */
export interface BridgeUi {
  /** Shows a toast, or replaces the one with the same id. */
  showToast(toast: ToastView): void;
  /** False when there is no such toast. */
  closeToast(id: string): boolean;
  hasToast(id: string): boolean;
  openDialog(dialog: DialogView): void;
  closeDialog(id: string): boolean;
  /** The iframes of the open dialogs. */
  frames(): HTMLIFrameElement[];
  /** Removes everything (the service stopped). */
  destroy(): void;
}
