/** One parameterised statement: SQL text with `$n` placeholders and the values for them. */
export interface Statement {
  readonly text: string;
  readonly values: readonly unknown[];
}

export const statement = (text: string, values: readonly unknown[] = []): Statement => ({
  text,
  values,
});
