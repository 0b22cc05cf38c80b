import { getOption, type DescField, type DescMessage, type Message } from '@bufbuild/protobuf';
import { isReflectMessage, reflect } from '@bufbuild/protobuf/reflect';
import { format as formatOption, required as requiredOption, StringFormat } from '@atrium/contracts';
import type { FieldProblem } from '@atrium/errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * Checks a message against the field rules its proto declares with the options in
 * proto/atrium/common/v1/options.proto (required, format), recursing into nested messages.
 * Proto3 alone cannot say a field is required, and an event without its member id is useless.
 */
export function checkContractRules(schema: DescMessage, message: Message, path = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const reflected = reflect(schema, message);
  for (const field of schema.fields) {
    const name = path ? `${path}.${field.jsonName}` : field.jsonName;
    const isSet = reflected.isSet(field);
    if (!isSet) {
      if (getOption(field, requiredOption)) problems.push({ field: name, message: 'is required' });
      continue;
    }
    problems.push(...checkFormat(field, reflected.get(field), name));
    if (field.fieldKind === 'message' && !field.message.typeName.startsWith('google.protobuf.')) {
      const nested = reflected.get(field);
      if (isReflectMessage(nested)) problems.push(...checkContractRules(field.message, nested.message, name));
    }
  }
  return problems;
}

function checkFormat(field: DescField, value: unknown, name: string): FieldProblem[] {
  if (typeof value !== 'string') return [];
  const wanted = getOption(field, formatOption);
  switch (wanted) {
    case StringFormat.UNSPECIFIED:
      return [];
    case StringFormat.UUID:
      return UUID.test(value) ? [] : [{ field: name, message: 'must be a UUID' }];
    case StringFormat.E164:
      return E164.test(value) ? [] : [{ field: name, message: 'must be a phone number in E.164 (+8613800138000)' }];
  }
}
