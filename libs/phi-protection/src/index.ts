export * from './crypto/field-binding';
export * from './crypto/field-cipher';
export * from './keys/master-keyring';
export * from './keys/patient-key-store';
export * from './nest/phi-protection.module';
export * from './phi-cipher';
