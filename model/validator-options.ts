/** ajv settings shared by the run-time compile and the build-time standalone validator. */
export const validatorOptions = {
  allErrors: true,
  verbose: true,
  allowUnionTypes: true,
} as const;
