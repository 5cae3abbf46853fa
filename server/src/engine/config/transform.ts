// XDT transforms (web.Release.config, Microsoft.ResourceManagement.Service.exe.Test.config): the CLR
// never reads them; at deployment they rewrite a base config (facts §9.1). In a transform the config
// rules judge only what it writes into the deployed config, so an element's absence says nothing.
import { attribute, type XmlAttribute, type XmlElement } from '../xml/model';

export const xdtNamespace = 'http://schemas.microsoft.com/XML-Document-Transform';

/**
 * What an element's xdt:Transform does to the deployed config (Microsoft.Web.XmlTransform):
 * - `write`: Insert, InsertIfMissing, InsertBefore(…), InsertAfter(…), Replace put the element, as
 *   written with its children, into the deployed config (`replaces`: in place of the matched one). With
 *   `byXPath` its place comes from an XPath argument, not from where it sits in the transform.
 * - `set-attributes`: SetAttributes copies its attributes (all but xdt:*, or the ones listed).
 * - `remove`: Remove (the first match) and RemoveAll delete the matched element.
 * - `locate`: no xdt:Transform: the element only leads to its children.
 * - `other`: RemoveAttributes, XSLT or a custom transform: not judged.
 */
export type XdtAction =
  | { kind: 'write'; replaces: boolean; byXPath: boolean }
  | { kind: 'set-attributes'; names: readonly string[] | undefined }
  | { kind: 'remove' }
  | { kind: 'locate' }
  | { kind: 'other' };

export interface Transform {
  /** The prefix the root binds to the XDT namespace (`xdt` by convention). */
  prefix: string;
}

/** The transform a document is, when its root declares the XDT namespace. */
export function transformOf(root: XmlElement | undefined): Transform | undefined {
  const declaration = root?.attributes.find((a) => a.name.startsWith('xmlns:') && a.value.trim() === xdtNamespace);
  return declaration && { prefix: declaration.name.slice('xmlns:'.length) };
}

/** The element's xdt:Transform attribute, when it has one. */
export function transformAttribute(transform: Transform, element: XmlElement): XmlAttribute | undefined {
  return attribute(element, `${transform.prefix}:Transform`);
}

export function actionOf(transform: Transform, element: XmlElement): XdtAction {
  const declared = transformAttribute(transform, element);
  if (!declared) return { kind: 'locate' };
  const call = /^\s*(\w+)\s*(?:\(([^]*)\))?\s*$/.exec(declared.value);
  switch (call?.[1]) {
    case 'Insert':
    case 'InsertIfMissing':
      return { kind: 'write', replaces: false, byXPath: false };
    case 'Replace':
      return { kind: 'write', replaces: true, byXPath: false };
    case 'InsertBefore':
    case 'InsertAfter':
      return { kind: 'write', replaces: false, byXPath: true };
    case 'Remove':
    case 'RemoveAll':
      return { kind: 'remove' };
    case 'SetAttributes':
      return { kind: 'set-attributes', names: call[2]?.split(',').map((name) => name.trim()) };
    default:
      return { kind: 'other' };
  }
}

/** The element (itself or an ancestor) whose Insert or Replace writes this one into the deployed config. */
export function writerOf(transform: Transform, element: XmlElement): { element: XmlElement; byXPath: boolean } | undefined {
  for (let at: XmlElement | undefined = element; at; at = at.parent) {
    const action = actionOf(transform, at);
    if (action.kind === 'write') return { element: at, byXPath: action.byXPath };
  }
  return undefined;
}

/** Whether the deployed config gets this attribute of `element` from the transform. */
export function writesAttribute(transform: Transform, element: XmlElement, name: string): boolean {
  if (!attribute(element, name)) return false;
  if (writerOf(transform, element)) return true;
  const action = actionOf(transform, element);
  return action.kind === 'set-attributes' && (action.names === undefined || action.names.includes(name));
}
