void storage_flush(void);
