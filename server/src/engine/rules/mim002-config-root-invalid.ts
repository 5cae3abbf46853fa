import { isRuntimeConfig } from '../config/facts';
import { attribute } from '../xml/model';
import { removeAttribute } from '../xml/edit';
import { shown } from '../message';
import type { ConfigRule } from './rule';

export const mim002: ConfigRule = {
  meta: {
    id: 'MIM002',
    name: 'config-root-invalid',
    defaultSeverity: 'error',
    fileKinds: ['config'],
    summary: 'The root of a .NET application config is not a namespace-less <configuration> element.',
    fixable: true,
  },
  checkConfig({ source, config, report }) {
    const root = config.xml.root;
    // A transform's root is matched against the base config's, never deployed itself.
    if (!root || !isRuntimeConfig(config.role) || config.transform) return;
    if (root.name !== 'configuration') {
      report({
        start: root.nameStart,
        end: root.nameEnd,
        message: `The root element is <${shown(root.name)}>, not <configuration>: the process will not start.`,
      });
      return;
    }
    const namespace = attribute(root, 'xmlns');
    if (!namespace) return;
    report({
      start: namespace.start,
      end: namespace.end,
      message: `xmlns="${shown(namespace.value, 56)}" on <configuration>: the process will not start.`,
      fixes: [{ title: 'Remove the xmlns attribute from <configuration>', edits: [removeAttribute(source, namespace)], preferred: true }],
    });
  },
};
