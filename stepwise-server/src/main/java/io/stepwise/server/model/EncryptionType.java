package io.stepwise.server.model;

public enum EncryptionType { AWS_OWNED_KEY, CUSTOMER_MANAGED_KMS_KEY }
