'use strict';
// Evaluates the S3 statements of an aws_iam_policy_document data source for given variable
// values, the way IAM does for one request: an explicit Deny wins; otherwise a request is allowed
// when an Allow statement matches its action, its resource and all its conditions. Only what the
// tenant policies use is supported; anything else throws, so a policy the evaluator cannot read
// fails the test instead of passing it.

/** The value of a string with ${var.x} / ${local.y} interpolations, given the variables. */
function evaluate(text, module, variables, depth = 0) {
  if (depth > 10) throw new Error(`locals nest too deeply at '${text}'`);
  return text.replace(/\$\{([^}]*)\}/g, (whole, expression) => {
    const ref = expression.trim().match(/^(var|local)\.([A-Za-z_][\w-]*)$/);
    if (!ref) throw new Error(`cannot evaluate '${whole}' (only var.x and local.x interpolations)`);
    if (ref[1] === 'var') {
      const declared = module.variable[ref[2]];
      if (ref[2] in variables) return String(variables[ref[2]]);
      if (declared && 'default' in declared) return String(declared.default);
      throw new Error(`no value for var.${ref[2]}`);
    }
    if (!(ref[2] in module.locals)) throw new Error(`local.${ref[2]} is not declared`);
    return evaluate(String(module.locals[ref[2]]), module, variables, depth + 1);
  });
}

function list(value, what) {
  if (!Array.isArray(value)) throw new Error(`${what} must be a literal list, got ${JSON.stringify(value)}`);
  return value;
}

/** The statements of data.aws_iam_policy_document.<name>, evaluated. */
function statements(module, name, variables) {
  const document = (module.data.aws_iam_policy_document || {})[name];
  if (!document) throw new Error(`${module.dir}: no data.aws_iam_policy_document.${name}`);
  return list(document.statement, 'statement').map((statement) => ({
    sid: statement.sid,
    effect: statement.effect || 'Allow',
    actions: list(statement.actions, 'actions').map((a) => evaluate(a, module, variables)),
    resources: list(statement.resources, 'resources').map((r) => evaluate(r, module, variables)),
    conditions: (statement.condition || []).map((c) => ({
      test: c.test,
      variable: evaluate(c.variable, module, variables),
      values: list(c.values, 'condition values').map((v) => evaluate(v, module, variables)),
    })),
  }));
}

function glob(pattern, text, ignoreCase = false) {
  const regex = pattern.split('').map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${regex}$`, ignoreCase ? 'is' : 's').test(text);
}

function conditionHolds(condition, context) {
  const value = context[condition.variable];
  switch (condition.test) {
    case 'StringLike': return value !== undefined && condition.values.some((p) => glob(p, value));
    case 'StringEquals': return value !== undefined && condition.values.includes(value);
    case 'StringNotLike': return value === undefined || !condition.values.some((p) => glob(p, value));
    case 'Bool': return value !== undefined && condition.values.includes(String(value));
    default: throw new Error(`condition test ${condition.test} is not supported by the evaluator`);
  }
}

function applies(statement, request) {
  return statement.actions.some((a) => glob(a, request.action, true))
    && statement.resources.some((r) => glob(r, request.resource))
    && statement.conditions.every((c) => conditionHolds(c, request.context || {}));
}

/** Whether the statements allow one request {action, resource, context}. */
function allows(policy, request) {
  if (policy.some((s) => s.effect === 'Deny' && applies(s, request))) return false;
  return policy.some((s) => s.effect === 'Allow' && applies(s, request));
}

module.exports = { statements, allows, evaluate };
