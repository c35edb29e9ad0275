/** Generated: the standalone validator of schemas/config.schema.json. */
export declare const validate: ((data: unknown) => boolean) & { errors?: import("ajv").ErrorObject[] | null };
export default validate;
