// FIPS mode: MIM Service needs <enforceFIPSPolicy enabled="false"/> directly in <runtime> of
// Microsoft.ResourceManagement.Service.exe.config, or its workflows fail with "Access Denied".
import { configFacts, fipsAttributeName, fipsElementName } from '../../config/facts';
import { fileKindOf } from '../../file-kinds';
import { parseXml } from '../../xml/parse';
import type { ChecklistItem, EvidenceLink } from '../model';
import type { ReportWorkspace } from '../workspace';

export function fipsPolicyItem(workspace: ReportWorkspace): ChecklistItem {
  const evidence: EvidenceLink[] = [];
  let missing = false;
  for (const file of workspace.files) {
    if (fileKindOf(file.fileName) !== 'config') continue;
    const config = configFacts(parseXml(file.text), file.fileName);
    // A transform is never read by the CLR: what it removes is a finding (MIM101), what it lacks is no evidence.
    if (config.role !== 'mim-service' || config.transform) continue;
    const good = config.fipsPolicies.find((p) => p.inRuntime && p.exactName && p.enabled?.name === fipsAttributeName && p.enabled.value === 'false');
    if (good) {
      evidence.push(workspace.at(file.fileName, good.element.start, `<${fipsElementName} enabled="false"/> in <runtime>`));
    } else {
      missing = true;
      evidence.push(workspace.at(file.fileName, config.runtime?.start ?? 0, `MIM Service config without <${fipsElementName} enabled="false"/> in <runtime>`));
    }
  }
  const findings = workspace.findings(['MIM101', 'MIM102', 'MIM103', 'MIM104', 'MIM105']);
  const item = { id: 'enforce-fips-policy', title: 'FIPS host: <enforceFIPSPolicy enabled="false"/> in the MIM Service config', evidence, findings };
  const fips = workspace.profile.fips.value;
  // The placement findings (MIM103-MIM105) still list, but only matter on a FIPS host.
  if (fips === 'off') {
    return { ...item, status: 'not applicable', detail: 'The host profile says FIPS mode is off.' };
  }
  const reminder = ' Installers and hotfixes can overwrite the config: check it again after each one.';
  if (findings.length > 0 || missing) {
    const condition = fips === 'on' ? 'On this FIPS host' : 'If the host runs in FIPS mode (the host profile does not say)';
    return { ...item, status: 'not met', detail: `${condition}, MIM Service workflows fail with "Access Denied" until the element is in <runtime>.${reminder}` };
  }
  if (evidence.length === 0) {
    return { ...item, status: 'no evidence', detail: 'The workspace has no Microsoft.ResourceManagement.Service.exe.config.' };
  }
  return { ...item, status: 'met', detail: `Every MIM Service config in the workspace has the element directly in <runtime>.${reminder}` };
}
